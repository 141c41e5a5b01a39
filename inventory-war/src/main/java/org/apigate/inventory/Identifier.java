package org.apigate.inventory;

/**
 * What a SKU and a reservation id may look like: safe in a URL path, a log line and a database key of 64
 * characters, so a client cannot make the service store something it could not address again.
 */
public final class Identifier {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    private Identifier() {
    }
}
