package org.apigate.gateway.observability.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service is reachable when an instance is in rotation and, with probing, also answered its probe. */
class ServiceAvailabilityTest {

    static final URI A = URI.create("http://127.0.0.1:1/svc");
    static final URI B = URI.create("http://127.0.0.1:2/svc");

    @Test
    void countsInstancesInRotationThatAnsweredTheirProbe() {
        ServiceAvailability availability = ServiceAvailability.of("svc", List.of(A, B), A::equals,
                Map.of(A, true, B, true));
        assertEquals(new ServiceAvailability("svc", 2, 1, 1), availability);
        assertTrue(availability.reachable());
    }

    @Test
    void isUnreachableWhenNoInstanceInRotationIsReady() {
        assertFalse(ServiceAvailability.of("svc", List.of(A, B), A::equals, Map.of(A, false, B, true)).reachable(),
                "B is ready but ejected, A in rotation but not ready");
        assertFalse(ServiceAvailability.of("svc", List.of(), A::equals, Map.of()).reachable(), "none configured");
    }

    @Test
    void restsOnPassiveHealthAloneWithoutProbes() {
        assertEquals(new ServiceAvailability("svc", 2, 2, 2),
                ServiceAvailability.of("svc", List.of(A, B), i -> true, null));
    }

}
