package org.apigate.gateway.observability.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access line: logfmt, one line whatever the values, times in milliseconds with one decimal. */
class AccessLineTest {

    @Test
    void writesEveryFieldInOrder() {
        assertEquals("id=r-1 trace=4bf92f3577b34da6a3ce929d0e0e4736 sub=alice route=order method=GET path=/api/orders/7 "
                        + "status=200 upstream_ms=12.3 total_ms=15.0",
                AccessLine.format("r-1", "4bf92f3577b34da6a3ce929d0e0e4736", "alice", "order", "GET", "/api/orders/7",
                        200, 12_345_678, 14_960_000));
    }

    @Test
    void marksMissingValuesWithADash() {
        assertEquals("id=- trace=- sub=- route=user method=GET path=/api/users/1 status=401 upstream_ms=- total_ms=0.1",
                AccessLine.format(null, null, null, "user", "GET", "/api/users/1", 401, -1, 120_000));
    }

    @Test
    void encodesWhatCouldSplitOrForgeALine() {
        assertEquals("id=x trace=t sub=eve%0A%20id=forged%22%5C%C3 route=user method=GET path=/ status=200 "
                        + "upstream_ms=0.0 total_ms=0.0",
                AccessLine.format("x", "t", "eve\n id=forged\"\\\u00c3", "user", "GET", "/", 200, 0, 0));
    }
}
