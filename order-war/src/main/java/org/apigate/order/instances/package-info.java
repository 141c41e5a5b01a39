/**
 * Several instances of each service the order service calls: {@code order.inventory.url} and {@code order.user.url}
 * list base URLs, comma-separated ({@link org.apigate.order.instances.InstanceList}, checked when the WAR is
 * deployed). Each instance has its own MicroProfile Rest Client, built with the interface's providers and the
 * {@code <configKey>/mp-rest/connectTimeout} and {@code readTimeout} ({@link org.apigate.order.instances.RestClients});
 * calls take them in turn and fail over the way the gateway does ({@link org.apigate.order.instances.Failover}).
 * Fault Tolerance stays on the calling bean's method, around the whole failover: its circuit breaker sees a failure
 * only when no instance could answer, i.e. when the service, not one instance, is down.
 */
package org.apigate.order.instances;
