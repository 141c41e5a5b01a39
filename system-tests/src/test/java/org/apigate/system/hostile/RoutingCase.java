package org.apigate.system.hostile;

import java.util.function.Function;

/**
 * One routing trick: a raw request built for a probe (the tokens and users it may use, and a marker that makes its
 * trace in an access log findable), and what it may achieve.
 *
 * @param name    what it tries, shown as the test's name
 * @param request the whole request as bytes on the wire (ISO-8859-1), built from the probe
 * @param may     what the request is allowed to achieve
 */
record RoutingCase(String name, Function<Probe, String> request, Allowed may) {

    /** What a trick is allowed to achieve; none of them a 5xx. */
    enum Allowed {
        /** Refused with a 4xx before any service: forbidden, not routed or malformed. */
        NOTHING,
        /** Any non-5xx answer from the inventory service, which it is routed to, but no other service. */
        INVENTORY_ONLY,
        /** Any non-5xx answer: after normalisation it is a request the caller may make. */
        ANY_BUT_5XX
    }

    /**
     * What a case may use: the gateway-visible identities and a marker to put in the request (in its query or
     * path) so that its line in a service's access log can be found.
     */
    record Probe(String customer, String admin, String owner, String victim, String marker) {
    }

    @Override
    public String toString() {
        return name;
    }
}
