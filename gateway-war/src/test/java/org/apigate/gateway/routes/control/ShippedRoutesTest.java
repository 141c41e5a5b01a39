package org.apigate.gateway.routes.control;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.Route;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The routes the WAR ships with are usable as they are. */
class ShippedRoutesTest {

    static TestConfig shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ShippedRoutesTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        TestConfig config = new TestConfig();
        properties.stringPropertyNames().forEach(key -> config.set(key, properties.getProperty(key)));
        return config;
    }

    @Test
    void theDefaultRoutesServeTheThreeServices() throws IOException {
        RouteCatalog catalog = new RouteCatalog();
        catalog.config = new CachedConfig(shipped(), 0);
        catalog.start();

        assertEquals(List.of(), catalog.problems());
        assertEquals(List.of("users", "orders", "inventory"), catalog.routes().stream().map(Route::name).toList());
        Route inventory = catalog.routes().get(2);
        assertEquals(List.of("api", "inventory"), inventory.prefix());
        assertEquals(List.of("api"), inventory.upstreamPrefix());
        assertEquals("inventory", inventory.service());
    }
}
