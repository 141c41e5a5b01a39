package org.apigate.common.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.apigate.common.auth.Jwts.claims;
import static org.apigate.common.auth.Jwts.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier without a container: an identity provider's JWKS file and a service issuer's PEM file. */
class TokenVerifierTest {

    static final String SERVICE_ISSUER = "https://apigate.local/services";
    static final long SKEW = 60;

    @TempDir
    Path keys;

    final AtomicLong clockMillis = new AtomicLong(1_800_000_000_000L);
    final AtomicLong generation = new AtomicLong();
    String idpKeys;
    TokenVerifier verifier;

    long now() {
        return clockMillis.get() / 1000;
    }

    TrustedIssuer idp(String rolesClaim) {
        return new TrustedIssuer(Jwts.ISSUER, Set.of(Jwts.AUDIENCE, "other-gateway"),
                new IssuerKeys(idpKeys, KeyDocuments.locate(idpKeys), new KeyDocuments(), 30_000,
                        generation::incrementAndGet, clockMillis::get),
                RolesClaim.of(rolesClaim), role -> !Roles.SERVICE.equals(role));
    }

    TrustedIssuer services() {
        String pem = Jwts.write(keys.resolve("service.pem"), Jwts.publicPem(Jwts.OTHER_RSA));
        return new TrustedIssuer(SERVICE_ISSUER, Set.of("inventory"),
                new IssuerKeys(pem, KeyDocuments.locate(pem), new KeyDocuments(), 30_000,
                        generation::incrementAndGet, clockMillis::get),
                RolesClaim.of("groups"), Roles.SERVICE::equals);
    }

    TokenVerifier verifier(TrustedIssuer... issuers) {
        return new TokenVerifier(List.of(issuers), generation, SKEW, new VerifiedTokens(100, 3600), clockMillis::get);
    }

    String refusal(String token) {
        return assertThrows(TokenRefusedException.class, () -> verifier.verify(token)).getMessage();
    }

    @BeforeEach
    void issuers() {
        idpKeys = Jwts.write(keys.resolve("jwks.json"), Jwts.jwks(Jwts.RSA, Jwts.EC));
        verifier = verifier(idp("groups"), services());
    }

    @Test
    void acceptsRs256AndEs256TokensWithoutJti() throws Exception {
        JsonWebToken rs = verifier.verify(sign(claims(now()).build(), Jwts.RSA));
        JsonWebToken es = verifier.verify(sign(claims(now()).subject("user-2").build(), Jwts.EC));

        assertEquals("user-1", rs.getSubject());
        assertEquals(Set.of("customer"), rs.getGroups());
        assertNull(rs.getTokenID(), "no jti, and none needed");
        assertEquals("user-2", es.getName());
    }

    @Test
    void acceptsAccessTokensTypedAtJwtOrUntyped() throws Exception {
        assertEquals("user-1", verifier.verify(sign(claims(now()).build(), Jwts.RSA, "at+jwt")).getSubject());
        assertEquals("user-1", verifier.verify(sign(claims(now()).build(), Jwts.RSA, null)).getSubject());
        assertTrue(refusal(sign(claims(now()).build(), Jwts.RSA, "foo")).contains("typ"));
    }

    @Test
    void refusesASignatureByAnotherKeyAndAKeyOfTheWrongType() {
        assertTrue(refusal(sign(claims(now()).build(), Jwts.rsa(Jwts.RSA.getKeyID()))).contains("signature"));
        assertTrue(refusal(sign(claims(now()).build(), Jwts.ec("unknown-ec"))).contains("No key"));
        verifier = verifier(services());
        String esForAnRsaIssuer = sign(claims(now()).issuer(SERVICE_ISSUER).audience("inventory").build(), Jwts.EC);
        assertTrue(refusal(esForAnRsaIssuer).contains("No key"), "an EC token is never checked with an RSA key");
    }

    @Test
    void refusesOtherIssuersAndAudiences() {
        assertTrue(refusal(sign(claims(now()).issuer("https://evil.example").build(), Jwts.RSA)).contains("iss"));
        assertTrue(refusal(sign(claims(now()).issuer(null).build(), Jwts.RSA)).contains("iss"));
        assertTrue(refusal(sign(claims(now()).audience("someone-else").build(), Jwts.RSA)).contains("aud"));
        assertTrue(refusal(sign(claims(now()).audience((String) null).build(), Jwts.RSA)).contains("aud"));
    }

    @Test
    void acceptsOneOfSeveralAudiences() throws Exception {
        JWTClaimsSet two = claims(now()).audience(List.of("somebody", "other-gateway")).build();

        assertEquals(Set.of("somebody", "other-gateway"), verifier.verify(sign(two, Jwts.RSA)).getAudience());
    }

    @Test
    void needsAnExpiryAndAppliesTheClockSkew() throws Exception {
        assertTrue(refusal(sign(claims(now()).expirationTime(null).build(), Jwts.RSA)).contains("exp"));
        assertTrue(refusal(sign(claims(now()).expirationTime(seconds(now() - SKEW - 1)).build(), Jwts.RSA))
                .contains("expired"));
        assertEquals("user-1", verifier.verify(sign(claims(now()).expirationTime(seconds(now() - SKEW + 5))
                .build(), Jwts.RSA)).getSubject(), "expired, but within the skew");
    }

    @Test
    void refusesTokensFromTheFutureBeyondTheSkew() throws Exception {
        assertTrue(refusal(sign(claims(now()).notBeforeTime(seconds(now() + SKEW + 5)).build(), Jwts.RSA))
                .contains("nbf"));
        assertTrue(refusal(sign(claims(now()).issueTime(seconds(now() + SKEW + 5)).build(), Jwts.RSA))
                .contains("iat"));
        assertEquals("user-1", verifier.verify(sign(claims(now()).notBeforeTime(seconds(now() + 30))
                .issueTime(seconds(now() + 30)).build(), Jwts.RSA)).getSubject());
    }

    @Test
    void needsASubject() {
        assertTrue(refusal(sign(claims(now()).subject(null).build(), Jwts.RSA)).contains("sub"));
        assertTrue(refusal(sign(claims(now()).subject(" ").build(), Jwts.RSA)).contains("sub"));
        refusal(sign(claims(now()).claim("sub", List.of("a", "b")).build(), Jwts.RSA));
    }

    @Test
    void readsRolesWhereTheSettingSays() throws Exception {
        verifier = verifier(idp("/realm_access/roles"));
        String keycloak = sign(claims(now()).claim("groups", null)
                .claim("realm_access", Jwts.keycloakRoles("admin", "offline_access")).build(), Jwts.RSA);
        String groupsOnly = sign(claims(now()).build(), Jwts.RSA);

        assertEquals(Set.of("admin", "offline_access"), verifier.verify(keycloak).getGroups());
        assertEquals(Set.of(), verifier.verify(groupsOnly).getGroups(), "authentic, but no role where they are");
    }

    @Test
    void grantsTheServiceRoleOnlyToServiceTokensAndNothingElseToThem() throws Exception {
        String userClaimingService = sign(claims(now()).claim("groups", List.of("service", "customer")).build(),
                Jwts.RSA);
        String serviceClaimingAdmin = sign(claims(now()).issuer(SERVICE_ISSUER).audience("inventory")
                .subject("order-service").claim("groups", List.of("service", "admin")).build(), Jwts.OTHER_RSA);

        assertEquals(Set.of("customer"), verifier.verify(userClaimingService).getGroups());
        assertEquals(Set.of("service"), verifier.verify(serviceClaimingAdmin).getGroups());
    }

    @Test
    void refusesAServiceTokenForAnotherServiceOrSignedWithTheUsersKey() {
        JWTClaimsSet.Builder service = claims(now()).issuer(SERVICE_ISSUER).subject("order-service")
                .claim("groups", List.of("service"));

        assertTrue(refusal(sign(service.audience("user").build(), Jwts.OTHER_RSA)).contains("aud"));
        assertTrue(refusal(sign(service.audience("inventory").build(), Jwts.RSA)).contains("signature"));
    }

    @Test
    void givesStandardClaimsTheirTypesAndCustomClaimsJsonValues() throws Exception {
        JsonWebToken token = verifier.verify(sign(claims(now()).claim("preferred_username", "ada")
                .claim("tenant", "t-1").claim("scopes", List.of("a", "b")).build(), Jwts.RSA));

        assertEquals("ada", token.getName(), "preferred_username when there is no upn");
        assertEquals(now() + 600, token.getExpirationTime());
        assertEquals(Long.valueOf(now()), token.<Long>getClaim("iat"));
        assertEquals(Set.of(Jwts.AUDIENCE), token.getAudience());
        assertEquals("t-1", token.<JsonString>getClaim("tenant").getString());
        assertEquals(2, token.<JsonArray>getClaim("scopes").size());
        assertTrue(token.getRawToken().startsWith("ey"));
        assertTrue(token.getClaimNames().containsAll(Set.of("sub", "tenant", "raw_token")));
    }

    @Test
    void remembersAVerifiedTokenUntilTheKeysChange() throws Exception {
        String token = sign(claims(now()).expirationTime(seconds(now() + 7200)).build(), Jwts.RSA);
        verifier.verify(token);

        Jwts.write(keys.resolve("jwks.json"), Jwts.jwks(Jwts.EC)); // the RSA key is withdrawn
        assertEquals("user-1", verifier.verify(token).getSubject(), "remembered: no new read yet");
        clockMillis.addAndGet(IssuerKeys.CACHE_TTL_MILLIS + 1000);
        verifier.verify(sign(claims(now()).build(), Jwts.EC)); // the next verification reads the keys again

        assertTrue(refusal(token).contains("No key"), "verified again, with the keys as they are now");
    }

    @Test
    void checksNotBeforeAgainAtEveryUseOfARememberedToken() throws Exception {
        String token = sign(claims(now()).notBeforeTime(seconds(now() + 30)).build(), Jwts.RSA);
        verifier.verify(token);

        clockMillis.addAndGet(-60_000);

        assertTrue(refusal(token).contains("nbf"));
    }

    static Date seconds(long epochSeconds) {
        return new Date(epochSeconds * 1000);
    }
}
