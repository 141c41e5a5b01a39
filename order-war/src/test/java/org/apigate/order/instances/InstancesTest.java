package org.apigate.order.instances;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Calls take the instances in turn, each call with all of them to fail over to. */
class InstancesTest {

    static Instances<String> of(String... names) {
        return new Instances<>("svc", java.util.Arrays.stream(names)
                .map(n -> new Instances.Instance<>(URI.create("http://" + n + ":1/svc"), n)).toList());
    }

    static List<String> clients(List<Instances.Instance<String>> turn) {
        return turn.stream().map(Instances.Instance::client).toList();
    }

    @Test
    void eachCallStartsAtTheNextInstanceAndListsTheOthersAfterIt() {
        Instances<String> instances = of("a", "b", "c");

        assertEquals(List.of("a", "b", "c"), clients(instances.inTurn()));
        assertEquals(List.of("b", "c", "a"), clients(instances.inTurn()));
        assertEquals(List.of("c", "a", "b"), clients(instances.inTurn()));
        assertEquals(List.of("a", "b", "c"), clients(instances.inTurn()));
    }

    @Test
    void oneInstanceIsAlwaysTheOne() {
        Instances<String> instances = of("a");
        assertEquals(List.of("a"), clients(instances.inTurn()));
        assertEquals(List.of("a"), clients(instances.inTurn()));
    }

    @Test
    void aServiceNeedsAnInstance() {
        assertThrows(IllegalArgumentException.class, () -> new Instances<String>("svc", List.of()));
    }
}
