/**
 * Routing: the reverse proxy behind {@code /api/**}. A public path is mapped to a service ({@code user}, {@code order},
 * {@code inventory}); the service's instances come from MicroProfile Config ({@code gateway.service.<name>.urls},
 * read on every request); calls go round-robin over the instances that passive health has not ejected, fail over to
 * the next instance when that is safe, and end as 502/503/504 problems instead of hanging.
 * <p>
 * {@link org.apigate.gateway.routing.control.Upstream} (discovery, load balancing, failover, passive health over one
 * shared JDK {@code HttpClient}) is the one way to call a service from the gateway: the proxy uses it, and so must
 * any other gateway feature that calls services (e.g. composed endpoints).
 */
package org.apigate.gateway.routing;
