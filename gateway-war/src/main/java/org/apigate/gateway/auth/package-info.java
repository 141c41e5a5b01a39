/**
 * Authentication in the gateway: who sent a request, from its bearer token, verified by the token verifier every WAR
 * shares ({@link org.apigate.common.auth.TokenVerifier}: MP JWT's {@code mp.jwt.verify.*} keys, RS256/ES256, the
 * shapes Entra ID, Auth0, Okta and Keycloak issue, roles from {@code gateway.auth.roles-claim}). Proxied and composed
 * requests are authenticated by the pipeline's {@link org.apigate.gateway.auth.Authenticate} stage, the operators'
 * JAX-RS area by {@link org.apigate.gateway.auth.AdminAreaAuthentication}; the container's authentication mechanism
 * is left out of the gateway ({@link org.apigate.gateway.auth.ContainerAuthenticationOff}), as it would cost every
 * request a security-framework round trip.
 */
package org.apigate.gateway.auth;
