/**
 * Routing: how the gateway calls a service. The service's instances come from MicroProfile Config
 * ({@code gateway.service.<name>.urls}, each with an optional weight); calls go by smooth weighted round-robin over
 * the instances in rotation - not ejected by passive health, not failing their readiness probe (active health) -
 * fail over to the next instance when that is safe, and end as 502/503/504 problems instead of hanging; when no
 * instance is in rotation, all are tried (panic routing).
 * <p>
 * {@link org.apigate.gateway.routing.control.Upstream} (balancing, failover, passive health, over one shared Apache
 * HttpClient 5) is the one way to call a service from the gateway: the proxy uses it, and so do the overview's
 * branches and the access rules' ownership lookups.
 */
package org.apigate.gateway.routing;
