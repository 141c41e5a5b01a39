/**
 * Access rules: who may call what through the gateway, after authentication and before anything is forwarded. An
 * {@code admin} may do everything; a {@code customer} (the token's {@code sub} is its user id) only what concerns
 * itself: its own user, its own orders, and reading the inventory's items. Anything else is a 403 problem. Whether an
 * order is the caller's own is checked by looking it up at the order service first, so a request for someone else's
 * order never reaches the service.
 */
package org.apigate.gateway.access;
