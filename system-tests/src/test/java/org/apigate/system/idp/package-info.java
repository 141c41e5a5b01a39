/**
 * A real identity provider in the tests: Keycloak, unpacked by the build from its Maven Central distribution and run
 * in development mode on loopback ({@link org.apigate.system.idp.Keycloak}, on a JDK 21+ found by
 * {@link org.apigate.system.idp.JavaHomes}), set up with its admin CLI ({@link org.apigate.system.idp.ShopRealm}),
 * issuing the tokens that the real gateway and user service verify against its JWKS endpoint
 * ({@link org.apigate.system.idp.KeycloakSystemIT}). Skipped, with a message saying why, where no Java 21+ exists.
 */
package org.apigate.system.idp;
