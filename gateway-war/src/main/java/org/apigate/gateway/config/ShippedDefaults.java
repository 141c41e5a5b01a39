package org.apigate.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Properties;

/**
 * The defaults the WAR ships in {@code META-INF/microprofile-config.properties} - the one place a default of the
 * gateway is written (docs/configuration.md is checked against it). They apply where an operator's value is absent,
 * and stand in while a value set later cannot be used.
 */
public final class ShippedDefaults {

    static final String FILE = "META-INF/microprofile-config.properties";
    private static final Properties VALUES = load();

    private ShippedDefaults() {
    }

    /** The shipped value of {@code key}, stripped; empty when the WAR ships it empty. */
    public static String of(String key) {
        String value = VALUES.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " has no default in the gateway's " + FILE);
        }
        return value.strip();
    }

    /** The shipped value of {@code key} as a whole number. */
    public static long number(String key) {
        return Long.parseLong(of(key));
    }

    /** The WAR's own file (its classes directory), not one a library jar in WEB-INF/lib may carry. */
    private static Properties load() {
        Properties values = new Properties();
        try {
            URL own = Collections.list(ShippedDefaults.class.getClassLoader().getResources(FILE)).stream()
                    .filter(url -> !"jar".equals(url.getProtocol())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The gateway's " + FILE + " is missing"));
            try (InputStream in = own.openStream()) {
                values.load(in);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
