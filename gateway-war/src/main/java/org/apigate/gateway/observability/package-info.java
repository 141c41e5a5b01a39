/**
 * Observability of the gateway: what operators see of every request without reading code. It observes - the
 * pipeline's {@link org.apigate.gateway.exchange.ExchangeListener}s and the upstream calls'
 * {@link org.apigate.gateway.routing.entity.UpstreamListener}s - and no stage imports it.
 * <ul>
 * <li><b>Metrics</b> (MicroProfile Metrics, application scope, Prometheus text at {@code /metrics} on the management
 * port): {@code gateway_requests_total{route,status}} for every request the gateway answers, refused ones included;
 * {@code gateway_upstream_duration_seconds{service}} for every call to a service instance (failover attempts and
 * failures included); {@code gateway_ratelimit_rejections_total{policy}} for every 429;
 * {@code gateway_circuitbreaker_open{service,instance}} 1 while passive health has ejected an instance, else 0.
 * {@code route} is the name of the request's route, {@code admin} or {@code unrouted}: names come from configuration,
 * so the number of series stays bounded whatever clients send.</li>
 * <li><b>Access log</b>: one line per request on the logger {@value
 * org.apigate.gateway.observability.control.AccessLog#LOGGER} (INFO), written off the request's thread, in logfmt
 * ({@code key=value}): request id, trace id, subject, route, method, path, status, upstream and total
 * milliseconds.</li>
 * <li><b>Readiness</b> ({@code /health/ready}): every routed service must have an instance in rotation (passive and
 * active health); the configuration values the gateway cannot use are listed (it stays UP). Liveness
 * ({@code /health/live}) does not depend on the services: an outage behind the gateway is shared by every gateway
 * instance, and restarting or removing all of them would turn a partial outage into a total one.</li>
 * </ul>
 */
package org.apigate.gateway.observability;
