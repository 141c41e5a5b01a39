/**
 * Observability of the gateway: what operators see of every request without reading code.
 * <ul>
 * <li><b>Metrics</b> (MicroProfile Metrics, application scope, Prometheus text at {@code /metrics}):
 * {@code gateway_requests_total{route,status}} for every request the gateway answers, also the 401s of its
 * authentication mechanism; {@code gateway_upstream_duration_seconds{service}} for every call to a service instance
 * (failover attempts and failures included); {@code gateway_ratelimit_rejections_total{policy}} for every 429;
 * {@code gateway_circuitbreaker_open{service,instance}} 1 while passive health has ejected an instance, else 0.
 * {@code route} is the service a path is routed to, {@code overview}, {@code admin} or {@code unrouted}: a fixed set,
 * so the number of series stays bounded whatever clients send.</li>
 * <li><b>Access log</b>: one line per request on the logger {@value
 * org.apigate.gateway.observability.control.AccessLog#LOGGER} (INFO), written when the container is done with the
 * request, in logfmt ({@code key=value}): request id, subject, route, method, path, status, upstream and total
 * milliseconds.</li>
 * <li><b>Readiness</b> ({@code /health/ready}): every routed service must have an instance that passive health keeps
 * in rotation and that answers its own readiness probe (cached for a few seconds). Liveness ({@code /health/live})
 * does not depend on the services: an outage behind the gateway is shared by every gateway instance, and restarting
 * or removing all of them would turn a partial outage into a total one.</li>
 * </ul>
 * The hooks in other features are one line each: {@code @UpstreamTimed} on the client's send, a count of rate-limit
 * rejections, and the authentication mechanism's refusals (which end the request before any servlet filter runs).
 */
package org.apigate.gateway.observability;
