package org.apigate.order.instances;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code order.inventory.url} and {@code order.user.url}: one base URL or several, or a clear refusal. */
class InstanceListTest {

    static final String KEY = "order.inventory.url";

    @Test
    void oneUrlIsOneInstance() {
        assertEquals(List.of(URI.create("http://localhost:8083/inventory")),
                InstanceList.parse(KEY, "http://localhost:8083/inventory"));
    }

    @Test
    void severalUrlsAreTheInstancesInOrderTrimmedAndWithoutTrailingSlashes() {
        assertEquals(List.of(URI.create("http://10.0.0.5:8083/inventory"), URI.create("https://inv.example:8443/inv")),
                InstanceList.parse(KEY, " http://10.0.0.5:8083/inventory/ ,, https://inv.example:8443/inv,"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , "})
    void noInstanceIsRefusedNamingTheKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstanceList.parse(KEY, value));
        assertTrue(e.getMessage().startsWith("order.inventory.url cannot be used: it lists no instance"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8083/inventory", "ftp://h/inventory", "http:///inventory",
            "http://h:99999/inventory", "http://h/inventory?x=1", "http://u:p@h/inventory", "http://h/a b",
            "http://h/inventory#top"})
    void anEntryThatIsNoHttpBaseUrlRefusesTheWholeList(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceList.parse(KEY, "http://good:8083/inventory," + bad));
        assertTrue(e.getMessage().contains("'" + bad + "' is not an http(s) base URL"), e.getMessage());
        assertTrue(e.getMessage().contains("e.g. http://"), "says what is expected: " + e.getMessage());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceList.parse(KEY, "nope,http://h:1/i,http://h:1/i/"));
        assertTrue(e.getMessage().contains("'nope' is not an http(s) base URL; 'http://h:1/i/' is listed twice"),
                e.getMessage());
    }
}
