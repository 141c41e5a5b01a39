/**
 * Composition: {@code GET /api/users/{id}/overview} answers
 * {@code {"user":{…},"orders":[…],"stock":{"SKU":available,…},"complete":true,"errors":[]}} from three services.
 * <p>
 * <b>Calls.</b> {@code GET /api/users/{id}} (user) runs on the EJB asynchronous pool while the request's thread asks
 * for {@code GET /api/orders?userId={id}} (order, the service's first page) and, when the orders are in, makes one
 * {@code GET /api/items?sku=…&sku=…} (inventory) for their distinct SKUs. The latency is about
 * max(user, orders + stock). No orders or no SKUs: no inventory call, {@code "stock":{}}. SKUs the inventory does not
 * know are left out of {@code stock}. Every call goes through {@code routing.control.Upstream}: the same instances
 * (MicroProfile Config), balancing, failover and health as the proxy. The overview is the built-in route of the
 * request pipeline: it passes the same stages as a forwarded request (authentication, rate limit, access), and
 * {@link org.apigate.gateway.aggregate.control.Compose} takes the place of the forward.
 * <p>
 * <b>Time.</b> Each call has {@code gateway.overview.branch-timeout} from its start and all of them end by
 * {@code gateway.overview.deadline} from the start of the first (ISO-8601 durations, read per request). A call cut
 * short by them does not count against the instance's passive health; one that reaches {@code gateway.proxy.timeout}
 * does, as for the proxy.
 * <p>
 * <b>Partial results.</b> A call that fails or times out leaves its part {@code null} (the stock too when the orders
 * are unknown, since it depends on them) and adds {@code {"service","reason","status"?,"detail"}} to {@code errors}:
 * {@code service} is {@code user}, {@code order} or {@code inventory}; {@code reason} is {@code timeout},
 * {@code refused} (refused or dropped connection), {@code unavailable} (no instance configured or healthy, or the
 * service answered 503), {@code upstream-status} (another status, given in {@code status}), {@code invalid-response}
 * (a 200 without the promised JSON) or {@code failed}. Such an answer is still {@code 200} with
 * {@code "complete":false} and {@code X-Gateway-Complete: false} ({@code true} on a complete one). An unknown user is
 * a {@code 404} problem; when no part arrived at all, a problem with {@code errors}: {@code 504} if every call timed
 * out, {@code 503} if no service was available, {@code 502} otherwise.
 * <p>
 * <b>Headers.</b> Each call carries what the proxy would forward for the client's request - {@code Authorization},
 * {@code X-Request-Id}, {@code X-Forwarded-*}, the trace context and the other end-to-end headers - except the negotiation and
 * conditional ones ({@code Accept*}, {@code If-*}, {@code Range}): the gateway asks for plain JSON. The services'
 * response headers never reach the client: an overview carries {@code Content-Type}, {@code X-Gateway-Complete},
 * {@code X-Request-Id} and the rate-limit fields ({@code RateLimit}, {@code RateLimit-Policy}), besides what HTTP
 * itself needs.
 * <p>
 * <b>Access and rate limit.</b> A customer may read only its own overview, an admin any (the access rules); one
 * overview counts as one request against the caller's {@code default} rate-limit policy, as for the proxy.
 * <p>
 * <b>Capacity.</b> An overview holds one EJB asynchronous thread, for its user call. Payara Micro's pool has 16 core
 * threads (max 32) and an unbounded queue, so up to 16 overviews fetch their users at once and more wait their turn
 * within their deadline: raise it for production with the post-boot commands
 * {@code set configs.config.server-config.ejb-container.property.thread-core-pool-size=64} and
 * {@code set configs.config.server-config.ejb-container.property.thread-max-pool-size=64}. A call that waited in
 * the queue past its deadline is not made.
 */
package org.apigate.gateway.aggregate;
