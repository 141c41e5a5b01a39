/**
 * Authentication of every gateway request with a MicroProfile JWT bearer token.
 * <p>
 * Verification is Payara's MP-JWT (signature RS256/ES256, {@code iss}, {@code aud}, {@code exp} with
 * {@code mp.jwt.verify.clock.skew}); nothing here parses or verifies a token by hand. {@link
 * org.apigate.gateway.auth.BearerTokenMechanism} wraps the platform mechanism to add what Payara 6.2025.10 lacks:
 * a problem+json 401 with {@code WWW-Authenticate}, the checks on the Authorization header itself (one header,
 * bounded size, scheme case-insensitive), {@code nbf}/{@code iat} on the verified token, and a reload of the issuer's
 * keys when a token is refused (key rotation: an unknown {@code kid}); an accepted token is remembered
 * ({@link org.apigate.gateway.auth.VerifiedTokens}) so that its signature is checked once, not on every request.
 * Authorization is {@code @RolesAllowed} on the
 * resources; a missing token there is answered by {@link org.apigate.gateway.auth.MissingTokenMapper}.
 */
package org.apigate.gateway.auth;
