/**
 * Access rules, the pipeline's {@link org.apigate.gateway.access.control.Authorize} stage: who may call what, after
 * authentication and the rate limit, before anything is forwarded. A route needs a token ({@code auth=bearer}, 401)
 * and one of its roles (403), unless it is public. Then, for the services this project ships, judged on the target as
 * it is forwarded: an {@code admin} may do everything; a {@code customer} (the token's {@code sub} is its user id)
 * only what concerns itself - its own user, its own orders, reading the inventory's items. Whether an order is the
 * caller's own is asked of the order service first, so a request for someone else's order never reaches the service.
 * The services check all this again themselves.
 */
package org.apigate.gateway.access;
