package org.apigate.gateway.routing.entity;

/**
 * Where a public path goes: the service that serves it and the path below the base URL of that service's instances,
 * still percent-encoded as the client sent it.
 */
public record Route(String service, String path) {
}
