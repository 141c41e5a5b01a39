/**
 * Bearer tokens, verified by each WAR itself (defence in depth: a service trusts no caller because it came through
 * the gateway), accepting the shapes real identity providers issue.
 * <ul>
 *   <li>{@link org.apigate.common.auth.TokenVerifier} - the one verifier: {@code verify(String)} gives a
 *       {@link org.apigate.common.auth.VerifiedToken} (a MicroProfile {@code JsonWebToken}) or throws
 *       {@link org.apigate.common.auth.TokenRefusedException} with a reason fit for the client. Trusted issuers,
 *       keys, audiences, clock skew and where the roles are come from MicroProfile Config (see
 *       {@code TrustSettings}); {@code gateway.auth.roles-claim} names the roles claim for the whole system.</li>
 *   <li>{@link org.apigate.common.auth.BearerTokenMechanism} - the Jakarta Security mechanism that runs it for each
 *       request; {@link org.apigate.common.auth.MissingTokenMapper} answers a protected resource reached without a
 *       token; {@link org.apigate.common.auth.RolesAllowedFeature} enforces {@code @RolesAllowed} (Payara's own
 *       filter is not always there); {@link org.apigate.common.auth.CallerTokenProducer} makes
 *       {@code @Inject JsonWebToken} work;
 *       {@link org.apigate.common.auth.Caller} holds the "only its own data" rule.</li>
 * </ul>
 * A WAR that uses it: {@code @LoginConfig(authMethod = "MP-JWT")} and {@code @DeclareRoles} on its
 * {@code @ApplicationScoped} Application, {@code @RolesAllowed} on its resources, and
 * {@code <class-loader delegate="false"/>} in {@code payara-web.xml}: Payara 6 offers its own nimbus-jose-jwt (10.5)
 * to applications before their {@code WEB-INF/lib}, so without it the WAR's nimbus would never load (measured on
 * Payara Micro 6.2025.10; the verifier logs the version it loaded).
 */
package org.apigate.common.auth;
