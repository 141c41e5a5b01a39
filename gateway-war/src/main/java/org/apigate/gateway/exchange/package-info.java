/**
 * The request being served, as every stage of the pipeline sees it: one {@link org.apigate.gateway.exchange.Exchange}
 * per client request holds what the stages found out (request id, parsed target, route, caller, rate-limit fields,
 * the reply) in typed fields, so no stage passes state through thread-locals or request attributes.
 * <p>
 * This package is the bottom of the gateway: the stages (auth, ratelimit, access, proxy, aggregate) and the observers
 * (observability) import it; it imports none of them, except the value types it carries.
 */
package org.apigate.gateway.exchange;
