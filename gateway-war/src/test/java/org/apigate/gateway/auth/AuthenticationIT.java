package org.apigate.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.apigate.gateway.probe.ProbeResource;
import org.apigate.gateway.backend.TestBackend;
import org.apigate.testing.ForgedTokens;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.TestKeys;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication on real Payara Micro with the packaged WAR, the issuer's RSA and EC keys as a JWKS file: what is
 * accepted, and every way a token must be refused with a 401 problem - by the MP JWT realm of the operators' area
 * ({@code /admin/probe}, for admins only) and by the request pipeline in front of a route alike.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {

    static final TestBackend BACKEND = TestBackend.start("whoami");

    @Deployment(testable = false)
    static WebArchive gateway() {
        return PackagedWar.withConfig("gateway", Map.of(
                        "mp.jwt.verify.publickey.location", TestKeys.jwks(Path.of("target", "test-keys", "auth")),
                        "mp.jwt.verify.issuer", Tokens.ISSUER,
                        "gateway.routes", "whoami",
                        "gateway.route.whoami.path", "/api/whoami",
                        "gateway.route.whoami.service", "whoami",
                        "gateway.service.whoami.urls", BACKEND.url("/whoami"),
                        "gateway.ratelimit.limit", "100000",
                        "gateway.ratelimit.anonymous.limit", "100000"))
                .addClass(ProbeResource.class);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @ArquillianResource
    URL base;

    String caller;
    String proxied;

    @BeforeEach
    void locate() {
        caller = Loopback.deployment(base, "") + "/admin/probe/caller";
        proxied = Loopback.deployment(base, "") + "/api/whoami";
    }

    static List<Named<String>> forged() {
        return ForgedTokens.all("forger");
    }

    @ParameterizedTest
    @MethodSource("forged")
    void thePipelineAndTheRealmRefuseEveryForgedToken(String token) {
        assertInvalidToken(call(proxied, token));
        assertInvalidToken(call(caller, token));
        assertEquals(0, BACKEND.count(r -> r.header("Authorization").filter(("Bearer " + token)::equals).isPresent()),
                "a forged token never reaches the service");
    }

    @Test
    void thePipelineForwardsAVerifiedTokensRequestWithTheTokenForTheServiceToCheckItself() {
        String token = Tokens.customer(unique());
        Http.Reply reply = call(proxied, token);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Bearer " + token, reply.json().getJsonObject("headers").getJsonArray("authorization")
                .getString(0));
    }

    static String unique() {
        return "u-" + UUID.randomUUID();
    }

    static Http.Reply call(String url, String token) {
        return Http.get(url, "Authorization", "Bearer " + token);
    }

    /** A refused token: 401, the invalid_token challenge, a problem with the request id. */
    static JsonObject assertInvalidToken(Http.Reply reply) {
        JsonObject problem = assertProblem(401, reply);
        assertEquals("Bearer error=\"invalid_token\"", reply.header("WWW-Authenticate"), reply::toString);
        assertEquals(reply.header("X-Request-Id"), problem.getString("requestId"));
        return problem;
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- accepted ----

    @Test
    void acceptsAnRs256Token() {
        assertEquals(200, call(proxied, Tokens.customer(unique())).status());
        String subject = unique();
        Http.Reply reply = call(caller, Tokens.admin(subject));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(subject, reply.json().getString("subject"), "the injected JsonWebToken is the caller's");
        assertEquals("admin", reply.json().getJsonArray("groups").getString(0));
    }

    @Test
    void acceptsAnEs256Token() {
        assertEquals(200, call(proxied, Tokens.forSubject(unique()).groups("customer").es256().sign()).status());
        String subject = unique();
        Http.Reply reply = call(caller, Tokens.forSubject(subject).groups("admin").es256().sign());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(subject, reply.json().getString("subject"));
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        String token = Tokens.customer(unique());

        assertEquals(200, Http.get(proxied, "Authorization", "bearer " + token).status());
        assertEquals(200, Http.get(proxied, "Authorization", "BEARER " + token).status());
    }

    @Test
    void toleratesClockSkewWithinTheConfiguredBound() {
        Instant now = Instant.now();
        String early = Tokens.forSubject(unique()).groups("customer")
                .notBefore(now.plusSeconds(30)).issuedAt(now.plusSeconds(30)).sign();
        String late = Tokens.forSubject(unique()).groups("customer")
                .issuedAt(now.minusSeconds(600)).notBefore(now.minusSeconds(600)).expiresAt(now.minusSeconds(30)).sign();

        assertEquals(200, call(proxied, early).status());
        assertEquals(200, call(proxied, late).status());
    }

    @Test
    void takesARememberedTokenAsTheSameCallerWithTheSameRoles() {
        String subject = unique();
        String token = Tokens.customer(subject);
        // the first call verifies the token, the later ones find it among the verified tokens
        for (int i = 0; i < 3; i++) {
            Http.Reply reply = call(proxied, token);
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("Bearer " + token, reply.json().getJsonObject("headers").getJsonArray("authorization")
                    .getString(0));
            assertProblem(403, call(caller, token)); // still a customer, not an admin
        }
        String admin = Tokens.admin(subject);
        for (int i = 0; i < 3; i++) {
            assertEquals(subject, call(caller, admin).json().getString("subject"));
        }
    }

    @Test
    void refusesATamperedCopyOfARememberedToken() {
        String token = Tokens.customer(unique());
        assertEquals(200, call(proxied, token).status());
        String[] parts = token.split("\\.");
        String forged = base64Url(SignedTokens.validClaims(unique()).build().toString());
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        assertInvalidToken(call(proxied, parts[0] + "." + forged + "." + parts[2]));
        assertInvalidToken(call(proxied, parts[0] + "." + parts[1] + "." + new String(signature)));
        assertEquals(200, call(proxied, token).status());
    }

    // ---- no token ----

    @Test
    void answersAMissingTokenWithABearerChallenge() {
        Http.Reply reply = Http.get(proxied, "X-Request-Id", "no-token-1");

        JsonObject problem = assertProblem(401, reply);
        assertEquals("Bearer", reply.header("WWW-Authenticate"));
        assertEquals("no-token-1", problem.getString("requestId"));
    }

    @Test
    void countsAnotherSchemeAsNoToken() {
        Http.Reply reply = Http.get(proxied, "Authorization", "Basic dXNlcjpwYXNz");

        assertProblem(401, reply);
        assertEquals("Bearer", reply.header("WWW-Authenticate"));
    }

    // ---- refused tokens: each its own case ----

    @Test
    void refusesAlgNone() {
        String token = new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(),
                SignedTokens.validClaims(unique()).build()).serialize();

        assertInvalidToken(call(proxied, token));
    }

    @Test
    void refusesHs256SignedWithTheRsaPublicKey() throws JOSEException {
        byte[] publicPem = ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TestKeys.RSA.toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(TestKeys.RSA.getKeyID()).build(), SignedTokens.validClaims(unique()).build());
        jwt.sign(new MACSigner(publicPem));

        assertInvalidToken(call(proxied, jwt.serialize()));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("admin").signedByAttacker().sign()));
    }

    @Test
    void refusesAWrongIssuer() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer")
                .issuer("https://evil.example").sign()));
    }

    @Test
    void refusesAWrongAudience() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer").audience("billing").sign()));
    }

    @Test
    void refusesATokenWithoutAudience() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer").audience(null).sign()));
    }

    @Test
    void refusesAnExpiredToken() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer")
                .issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(61 + 5)).sign()));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer").expiresAt(null).sign()));
    }

    @Test
    void refusesATokenNotYetValid() {
        JsonObject problem = assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer")
                .notBefore(Instant.now().plusSeconds(60 + 30)).sign()));
        assertTrue(problem.getString("detail").contains("nbf"), problem::toString);
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        Instant later = Instant.now().plusSeconds(60 + 30);
        assertInvalidToken(call(proxied, Tokens.forSubject(unique()).groups("customer")
                .issuedAt(later).notBefore(null).sign()));
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = Tokens.customer(unique()).split("\\.");
        String forged = base64Url(SignedTokens.validClaims(unique()).build().toString());

        assertInvalidToken(call(proxied, parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void refusesATamperedSignature() {
        String[] parts = Tokens.admin(unique()).split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        assertInvalidToken(call(proxied, parts[0] + "." + parts[1] + "." + new String(signature)));
    }

    @Test
    void refusesATruncatedToken() {
        String token = Tokens.customer(unique());

        assertInvalidToken(call(proxied, token.substring(0, token.lastIndexOf('.'))));
        assertInvalidToken(call(proxied, token.substring(0, token.length() - 20)));
    }

    @Test
    void refusesGarbage() {
        assertInvalidToken(call(proxied, "garbage"));
        assertInvalidToken(call(proxied, "a.b.c"));
        assertInvalidToken(call(proxied, "%%%.***.!!!"));
    }

    @Test
    void refusesAnOversizedToken() {
        // 6,000 characters fit in the listener's 8 KiB header block and exceed no verifier limit; 9,000 do both
        String token = Tokens.forSubject(unique()).groups("customer").claim("padding", "x".repeat(9000)).sign();

        Http.Reply reply = call(proxied, token);
        assertTrue(reply.status() == 400 || reply.status() == 401 || reply.status() == 431, reply::toString);
    }

    @Test
    void refusesTwoAuthorizationHeaders() {
        String token = Tokens.customer(unique());

        assertInvalidToken(Http.get(proxied, "Authorization", "Bearer " + token, "Authorization", "Bearer " + token));
    }

    @Test
    void refusesAnEmptyBearerToken() {
        assertInvalidToken(Http.get(proxied, "Authorization", "Bearer "));
    }

    // ---- roles ----

    @Test
    void forbidsACustomerTheWholeAdminArea() {
        assertProblem(403, call(caller, Tokens.customer(unique())));
        assertProblem(403, call(Loopback.deployment(base, "") + "/admin/no-such-thing", Tokens.customer(unique())));
        assertProblem(401, Http.get(Loopback.deployment(base, "") + "/admin/no-such-thing"));
        assertProblem(404, call(Loopback.deployment(base, "") + "/admin/no-such-thing", Tokens.admin(unique())));
        assertEquals(200, call(caller, Tokens.admin(unique())).status());
    }

    @Test
    void forbidsATokenWithoutGroups() {
        assertProblem(403, call(proxied, Tokens.forSubject(unique()).sign()));
    }
}
