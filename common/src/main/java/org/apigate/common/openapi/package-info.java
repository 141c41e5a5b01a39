/**
 * What every WAR's {@code /openapi} document shares, so that no WAR repeats it: the names of the shared components
 * ({@link org.apigate.common.openapi.ApiComponents}, usable in annotations), the components themselves - the RFC 9457
 * problem schema, the headers clients rely on, the bearer scheme ({@link org.apigate.common.openapi.SharedComponents})
 * - and what a filter adds to every operation: the problem answers any request can get, {@code X-Request-Id} on every
 * answer, the roles of {@code @RolesAllowed} ({@link org.apigate.common.openapi.StandardResponses},
 * {@link org.apigate.common.openapi.OperationRoles}). {@link org.apigate.common.openapi.ServiceApiDocument} is the
 * services' filter; the gateway's own filter uses the same parts.
 */
package org.apigate.common.openapi;
