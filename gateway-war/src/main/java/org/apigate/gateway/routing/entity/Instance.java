package org.apigate.gateway.routing.entity;

import java.net.URI;

/**
 * One instance of a service: its base URL (with context root, e.g. {@code http://10.0.0.5:8081/user}) and its share
 * of the traffic relative to the service's other instances; weight 0 drains it (no new requests).
 */
public record Instance(URI url, int weight) {
}
