package org.apigate.common.auth;

/** The roles the services know; every WAR declares them with {@code @DeclareRoles}. */
public final class Roles {

    /** May do everything. */
    public static final String ADMIN = "admin";
    /** A shop's customer; the token's {@code sub} is its user id, and it may touch only its own data. */
    public static final String CUSTOMER = "customer";
    /**
     * Another service of apigate calling with its own credential (see {@code org.apigate.common.servicetoken});
     * granted only by the service issuer, never by the users' identity provider.
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
