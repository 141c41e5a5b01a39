package org.apigate.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access tokens shaped as Microsoft Entra ID, Auth0 (both its token profiles), Okta and Keycloak issue them - their
 * header {@code typ}, their claims (with or without {@code jti}), the claim their roles are in - verified with the
 * settings docs/identity-providers.md gives for each provider (issuer, audience, {@code gateway.auth.roles-claim}): accepted with
 * the roles found there, and every forged variant refused (which the gateway and the services answer with 401).
 * The shapes follow the providers' published token references and samples; the values are made up.
 */
class IdentityProviderTokensTest {

    static final long NOW = 1_800_000_000L;

    @TempDir
    Path keys;

    /**
     * One identity provider as apigate is configured for it, and the claims of an access token it issues for
     * {@code subject} with {@code roles} (where it puts them), valid at {@code now}.
     */
    record Provider(String issuer, String audience, String rolesClaim, String typ, boolean jti, RSAKey key,
                    String wrongIssuer, String wrongAudience,
                    BiFunction<Long, List<String>, JWTClaimsSet.Builder> claims) {

        JWTClaimsSet token(List<String> roles) {
            return claims.apply(NOW, roles).build();
        }
    }

    static final Provider ENTRA_ID = new Provider(
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
            "6e74172b-be56-4843-9ff4-e66a39bb12e3", "roles", "JWT", false, Jwts.rsa("i6lGk3FZzxRcUb2C3nEQ7syHJlY"),
            "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", "00000003-0000-0000-c000-000000000000",
            (now, roles) -> new JWTClaimsSet.Builder()
                    // a v2.0 access token for an API: aud is the API's client id; uti instead of jti
                    .audience("6e74172b-be56-4843-9ff4-e66a39bb12e3")
                    .issuer("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0")
                    .issueTime(seconds(now)).notBeforeTime(seconds(now)).expirationTime(seconds(now + 4500))
                    .claim("aio", "AXQAi/8IAAAA").claim("azp", "2d4d11a2-f814-46a7-890a-274a72a7309e")
                    .claim("azpacr", "0").claim("name", "Ada Lovelace")
                    .claim("oid", "690222be-ff1a-4d56-abd1-7e4f7d38e474")
                    .claim("preferred_username", "ada@contoso.example").claim("rh", "I")
                    .claim("roles", roles).claim("scp", "access_as_user")
                    .subject("HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ")
                    .claim("tid", "72f988bf-86f1-41af-91ab-2d7cd011db47")
                    .claim("uti", "fqiBqXLPj0eQa82S-IYFAA").claim("ver", "2.0"));

    static final Provider AUTH0_PERMISSIONS = new Provider("https://shop-example.eu.auth0.com/",
            "https://api.shop.example", "permissions", "JWT", false, Jwts.rsa("NjJDNEMzQUExQTQwREE0NUYxNTdF"),
            "https://shop-example.eu.auth0.com", "https://shop-example.eu.auth0.com/api/v2/",
            (now, roles) -> new JWTClaimsSet.Builder()
                    // the Auth0 token profile (the default) with RBAC's "Add Permissions in the Access Token"
                    .issuer("https://shop-example.eu.auth0.com/").subject("auth0|6553da60a54af58e29493993")
                    .audience(List.of("https://api.shop.example", "https://shop-example.eu.auth0.com/userinfo"))
                    .claim("azp", "K1AUPhZq8mRi0Q0pjhkfu1D7y6KjDQja")
                    .issueTime(seconds(now)).expirationTime(seconds(now + 86_400))
                    .claim("scope", "openid profile email").claim("gty", "password")
                    .claim("permissions", roles));

    static final Provider AUTH0_RFC9068 = new Provider("https://shop-example.eu.auth0.com/",
            "https://api.shop.example", "https://shop.example/roles", "at+jwt", true,
            Jwts.rsa("NjJDNEMzQUExQTQwREE0NUYxNTdF"), "https://attacker-tenant.eu.auth0.com/",
            "https://shop-example.eu.auth0.com/userinfo",
            (now, roles) -> new JWTClaimsSet.Builder()
                    // the RFC 9068 token profile: client_id and jti; roles added by a post-login Action
                    .issuer("https://shop-example.eu.auth0.com/").subject("auth0|6553da60a54af58e29493993")
                    .audience(List.of("https://api.shop.example", "https://shop-example.eu.auth0.com/userinfo"))
                    .claim("client_id", "K1AUPhZq8mRi0Q0pjhkfu1D7y6KjDQja")
                    .issueTime(seconds(now)).expirationTime(seconds(now + 86_400)).jwtID("73WakrfVbNJBaAmhQtEeDv")
                    .claim("scope", "openid profile").claim("https://shop.example/roles", roles));

    static final Provider OKTA = new Provider("https://shop-example.okta.com/oauth2/aus8x0tb3kEv3fc2t697",
            "api://apigate", "groups", null, true, Jwts.rsa("ZkvelLN_seik7w4pc_prCcfUf-h2hFfiwkDeCrs0iUc"),
            "https://shop-example.okta.com", "api://default",
            (now, roles) -> new JWTClaimsSet.Builder()
                    // a custom authorization server's access token (no typ in the header), a groups claim added
                    .claim("ver", 1).jwtID("AT.MNAoEQ_jbKqoinrQo1D0XKjMX28U5d7ZszBceot7-Ts")
                    .issuer("https://shop-example.okta.com/oauth2/aus8x0tb3kEv3fc2t697").audience("api://apigate")
                    .issueTime(seconds(now)).expirationTime(seconds(now + 3600))
                    .claim("cid", "0oa8x0s8vbqQ9Y6X3697").claim("uid", "00u8x0r1h0pEf2Ad5697")
                    .claim("scp", List.of("openid", "profile")).claim("auth_time", now - 30)
                    .subject("ada@shop.example").claim("groups", roles));

    static final Provider KEYCLOAK = new Provider("https://id.shop.example/realms/shop", "gateway",
            "/realm_access/roles", "JWT", true, Jwts.rsa("o_rZbKjSMmF1COVj1jjtcW7_uovrDs-vA8F76jItf2M"),
            "https://id.shop.example/realms/other", "account",
            (now, roles) -> new JWTClaimsSet.Builder()
                    // the default access token of a client with an audience mapper (no microprofile-jwt scope)
                    .expirationTime(seconds(now + 300)).issueTime(seconds(now))
                    .jwtID("onrtro:673b11f3-c01a-d854-1568-7d271391f0ed")
                    .issuer("https://id.shop.example/realms/shop").audience("gateway")
                    .subject("11111111-2222-3333-4444-555555555555").claim("typ", "Bearer").claim("azp", "apigate-cli")
                    .claim("realm_access", Map.of("roles", roles)).claim("scope", "email profile")
                    .claim("preferred_username", "ada"));

    static Stream<Named<Provider>> providers() {
        return Stream.of(Named.of("Entra ID (v2.0 access token, roles)", ENTRA_ID),
                Named.of("Auth0 (Auth0 token profile, permissions)", AUTH0_PERMISSIONS),
                Named.of("Auth0 (RFC 9068 profile, namespaced roles claim)", AUTH0_RFC9068),
                Named.of("Okta (custom authorization server, groups)", OKTA),
                Named.of("Keycloak (default access token, realm_access.roles)", KEYCLOAK));
    }

    TokenVerifier verifierFor(Provider provider) {
        String location = Jwts.write(keys.resolve("jwks.json"), Jwts.jwks(provider.key()));
        AtomicLong generation = new AtomicLong();
        TrustedIssuer issuer = new TrustedIssuer(provider.issuer(), Set.of(provider.audience()),
                new IssuerKeys(location, KeyDocuments.locate(location), new KeyDocuments(), 30_000,
                        generation::incrementAndGet, () -> NOW * 1000),
                RolesClaim.of(provider.rolesClaim()), role -> !Roles.SERVICE.equals(role));
        return new TokenVerifier(List.of(issuer), generation, 60, new VerifiedTokens(100, 60), () -> NOW * 1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void acceptsTheProvidersAccessTokenWithTheRolesWhereItPutsThem(Provider provider) throws Exception {
        TokenVerifier verifier = verifierFor(provider);
        JWTClaimsSet claims = provider.token(List.of("admin", "offline_access"));

        VerifiedToken admin = verifier.verify(Jwts.sign(claims, provider.key(), provider.typ()));

        assertEquals(claims.getSubject(), admin.getSubject());
        assertEquals(Set.of("admin", "offline_access"), admin.getGroups());
        if (provider.jti()) {
            assertNotNull(admin.getTokenID());
        } else {
            assertNull(admin.getTokenID(), "this provider's access tokens have no jti, and need none");
        }
        VerifiedToken customer = verifier.verify(Jwts.sign(provider.token(List.of("customer")), provider.key(),
                provider.typ()));
        assertEquals(Set.of("customer"), customer.getGroups());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void grantsNothingForRolesInAnotherClaimThanTheConfiguredOne(Provider provider) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(provider.token(List.of()).toJSONObject());
        claims.put("realm_access", Map.of("roles", List.of("admin")));
        claims.put("groups", List.of("admin"));
        claims.put("roles", List.of("admin"));
        claims.put("permissions", List.of("admin"));
        claims.put(provider.rolesClaim().startsWith("/") ? "realm_access" : provider.rolesClaim(),
                provider.rolesClaim().startsWith("/") ? Map.of("roles", List.of()) : List.of());

        VerifiedToken token = verifierFor(provider).verify(Jwts.sign(JWTClaimsSet.parse(claims), provider.key(),
                provider.typ()));

        assertEquals(Set.of(), token.getGroups(), "authentic, so a 403 - but no role from any other claim");
    }

    /** A forged token and a word the refusal must contain, so that it is refused for the reason meant. */
    record Forgery(String token, String reason) {
    }

    static Stream<Arguments> forgeries() {
        return providers().flatMap(named -> {
            Provider p = named.getPayload();
            String genuineCustomer = Jwts.sign(p.token(List.of("customer")), p.key(), p.typ());
            JWTClaimsSet admin = p.token(List.of("admin"));
            Map<String, Forgery> forged = new LinkedHashMap<>();
            forged.put("roles raised to admin in a genuine customer token",
                    new Forgery(raisedToAdmin(genuineCustomer, p), "signature"));
            forged.put("signed with another key under the provider's kid",
                    new Forgery(Jwts.sign(admin, Jwts.rsa(p.key().getKeyID()), p.typ()), "signature"));
            forged.put("issuer " + p.wrongIssuer(), new Forgery(Jwts.sign(p.claims().apply(NOW, List.of("admin"))
                    .issuer(p.wrongIssuer()).build(), p.key(), p.typ()), "(iss)"));
            forged.put("audience " + p.wrongAudience(), new Forgery(Jwts.sign(p.claims()
                    .apply(NOW, List.of("admin")).audience(p.wrongAudience()).build(), p.key(), p.typ()), "(aud)"));
            forged.put("expired an hour ago", new Forgery(Jwts.sign(p.claims().apply(NOW - 7200, List.of("admin"))
                    .expirationTime(seconds(NOW - 3600)).build(), p.key(), p.typ()), "expired"));
            forged.put("unsigned (alg none)", new Forgery(new PlainJWT(admin).serialize(), "alg none"));
            forged.put("HS256 keyed with the provider's public key", new Forgery(hs256(admin, p.key()), "alg"));
            forged.put("typ logout+jwt (a logout token)",
                    new Forgery(Jwts.sign(admin, p.key(), "logout+jwt"), "(typ)"));
            forged.put("typ secevent+jwt (a security event token)",
                    new Forgery(Jwts.sign(admin, p.key(), "secevent+jwt"), "(typ)"));
            return forged.entrySet().stream().map(e -> Arguments.of(named, Named.of(e.getKey(), e.getValue())));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forgeries")
    void refusesEveryForgedVariant(Provider provider, Forgery forged) {
        TokenVerifier verifier = verifierFor(provider);

        String refusal = assertThrows(TokenRefusedException.class, () -> verifier.verify(forged.token()))
                .getMessage();

        assertTrue(refusal.contains(forged.reason()), refusal);
    }

    /** The payload of a signed token replaced by one with the roles claim saying admin; the signature kept. */
    static String raisedToAdmin(String token, Provider provider) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String raised = payload.replace("\"customer\"", "\"admin\"");
        if (raised.equals(payload)) {
            throw new IllegalStateException("no role to raise in " + payload + " of " + provider.issuer());
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raised.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static String hs256(JWTClaimsSet claims, RSAKey key) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), new Payload(claims.toJSONObject()));
            jws.sign(new MACSigner(Jwts.publicPem(key).getBytes(StandardCharsets.US_ASCII)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Date seconds(long epochSeconds) {
        return new Date(epochSeconds * 1000);
    }
}
