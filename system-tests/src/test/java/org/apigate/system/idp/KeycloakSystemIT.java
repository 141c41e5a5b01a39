package org.apigate.system.idp;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apigate.system.Wars;
import org.apigate.system.idp.ShopRealm.Account;
import org.apigate.testing.Http;
import org.apigate.testing.PayaraMicro;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import static org.apigate.testing.Problems.assertInvalidToken;
import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real identity provider in front of the real gateway and user service: Keycloak (the Maven Central distribution,
 * development mode, on a JDK 21+ of the machine) issues the tokens by the password grant, and the gateway and the
 * user service - each verifying tokens itself - read the realm's keys from its JWKS endpoint over HTTP, with
 * {@code gateway.auth.roles-claim=/realm_access/roles}. Shown: Keycloak's default access tokens (no
 * {@code microprofile-jwt} scope, so no {@code groups}) are accepted and give a customer its own data and nothing of
 * anyone else's nor the admin routes, and an admin the admin routes; its RFC 9068 variant ({@code at+jwt}) is
 * accepted too; a new signing key made active in Keycloak is picked up on the next token without a restart; a token
 * of another realm of the same Keycloak is refused.
 * <p>
 * On {@code typ}: Keycloak's access tokens carry {@code "typ": "Bearer"} as a claim (the OAuth token type), not in
 * the JOSE header, whose {@code typ} is {@code JWT} - or {@code at+jwt} where the client asks for RFC 9068 - both of
 * which the verifier accepts. The test asserts both headers, so a Keycloak release that changes them shows here.
 */
class KeycloakSystemIT {

    private static final Logger LOG = Logger.getLogger(KeycloakSystemIT.class.getName());
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String REALM = "shop";
    private static final String RIVAL_REALM = "rival";
    /** The gateway's and the service's {@code gateway.auth.key-reload-interval} (their default). */
    private static final Duration KEY_RELOAD_INTERVAL = Duration.ofSeconds(30);

    static Keycloak keycloak;
    static PayaraMicro user;
    static PayaraMicro gateway;
    static final Account ADMIN = Account.of("olivia", "admin");
    static final Account RIVAL_ADMIN = Account.of("mallory", "admin");
    static Account customer;
    static String someoneElse;

    @BeforeAll
    static void startSystem() {
        Path java = JavaHomes.atLeast(21, "keycloak.javaHome").orElse(null);
        Assumptions.assumeTrue(java != null, () -> "Skipped: Keycloak needs Java 21 or later and none was found in "
                + JavaHomes.candidates("keycloak.javaHome") + "; name one with -Dkeycloak.javaHome=<JDK directory>");
        keycloak = new Keycloak(Keycloak.distribution(), java);
        Map<String, String> identityProvider = Map.of(
                "mp.jwt.verify.publickey.location", keycloak.jwks(REALM),
                "mp.jwt.verify.issuer", keycloak.issuer(REALM),
                "mp.jwt.verify.audiences", ShopRealm.AUDIENCE,
                "gateway.auth.roles-claim", "/realm_access/roles");
        user = Wars.service(PayaraMicro.named("kc-user"), "user", identityProvider)
                .property("user.datasource.url", Wars.h2(RUN, "user")).build();
        gateway = Wars.gateway(PayaraMicro.named("kc-gateway"), identityProvider,
                        Map.of("user", user.url() + "/user"))
                .property("gateway.routes", "users").build(); // only the user service runs
        ExecutorService idpThread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Keycloak> idp = CompletableFuture.supplyAsync(keycloak::start, idpThread);
            PayaraMicro.inParallel(List.of(user, gateway), PayaraMicro::start);
            idp.join();
        } finally {
            idpThread.shutdown();
        }
        LOG.info(() -> String.format("Keycloak (JDK %s) ready in %d ms%s, kc.sh pid %d; gateway ready in %d ms, "
                        + "user service in %d ms", java, keycloak.timeToReady().toMillis(),
                keycloak.built() ? " (including its first build)" : "", keycloak.pid(),
                gateway.timeToReady().toMillis(), user.timeToReady().toMillis()));
        setUpRealms();
    }

    /**
     * Both realms with kcadm; then the customer: registered in the user service by the realm's admin (through the
     * gateway) and given a Keycloak account whose id is the user's id, so its tokens' {@code sub} names its user.
     */
    private static void setUpRealms() {
        Instant started = Instant.now();
        keycloak.admin("create", "realms", "-f",
                keycloak.file(REALM + ".json", ShopRealm.realm(REALM, List.of(ADMIN))).toString());
        keycloak.admin("create", "realms", "-f",
                keycloak.file(RIVAL_REALM + ".json", ShopRealm.realm(RIVAL_REALM, List.of(RIVAL_ADMIN))).toString());
        String admin = token(REALM, ShopRealm.DEFAULT_CLIENT, ADMIN);
        customer = Account.of("ada", "customer").withId(register(admin, "ada"));
        someoneElse = register(admin, "bob");
        keycloak.admin("create", "partialImport", "-r", REALM, "-f",
                keycloak.file("customers.json", ShopRealm.partialImport(List.of(customer))).toString());
        LOG.info(() -> "Realms, accounts and users set up in " + Duration.between(started, Instant.now()).toMillis()
                + " ms (4 kcadm calls, each a JVM start)");
    }

    @AfterAll
    static void stopSystem() {
        for (PayaraMicro instance : new PayaraMicro[] {gateway, user}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    static String token(String realm, String client, Account account) {
        return ShopRealm.passwordGrant(keycloak.tokenEndpoint(realm), client, account, null);
    }

    static String api(String path) {
        return gateway.url() + "/api" + path;
    }

    static String atTheService(String path) {
        return user.url() + "/user/api" + path;
    }

    static String register(String adminToken, String username) {
        Http.Reply created = Http.as(adminToken).post(api("/users"), "{\"username\":\"" + username
                + "\",\"email\":\"" + username + "@example.org\",\"displayName\":\"" + username + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    @Test
    void keycloaksDefaultAccessTokenIsAcceptedWithTheRolesItCarriesInRealmAccess() throws ParseException {
        String token = token(REALM, ShopRealm.DEFAULT_CLIENT, customer);
        SignedJWT jwt = SignedJWT.parse(token);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        LOG.info(() -> "Keycloak's default access token: header " + jwt.getHeader().toJSONObject()
                + ", claim typ " + claims.getClaim("typ") + ", jti " + claims.getJWTID());

        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType(), "the header's typ");
        assertEquals("Bearer", claims.getStringClaim("typ"), "the typ claim: the OAuth token type, not the header");
        assertNull(claims.getClaim("groups"), "without the microprofile-jwt scope there is no groups claim");
        assertEquals(List.of("customer"), claims.getJSONObjectClaim("realm_access").get("roles"));
        assertEquals(customer.id(), claims.getSubject());
        assertTrue(claims.getAudience().contains(ShopRealm.AUDIENCE), claims::toString);
        Http.Reply own = Http.as(token).get(api("/users/" + customer.id()));
        assertEquals(200, own.status(), own::toString);
        assertEquals("ada", own.json().getString("username"));
        assertEquals(200, Http.as(token).get(atTheService("/users/" + customer.id())).status(),
                "the user service verifies the same token itself");
    }

    @Test
    void anAccessTokenTypedAtJwtAsRfc9068AsksIsAcceptedToo() throws ParseException {
        String token = token(REALM, ShopRealm.AT_JWT_CLIENT, customer);

        assertEquals(new JOSEObjectType("at+jwt"), SignedJWT.parse(token).getHeader().getType());
        Http.Reply own = Http.as(token).get(api("/users/" + customer.id()));
        assertEquals(200, own.status(), own::toString);
    }

    @Test
    void theMicroprofileJwtScopeCarriesTheSameRolesInGroups() throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(ShopRealm.passwordGrant(keycloak.tokenEndpoint(REALM),
                ShopRealm.DEFAULT_CLIENT, customer, "microprofile-jwt")).getJWTClaimsSet();

        assertEquals(List.of("customer"), claims.getStringListClaim("groups"),
                "the alternative to the JSON Pointer: gateway.auth.roles-claim=groups with this scope requested");
        assertEquals("ada", claims.getStringClaim("upn"));
    }

    @Test
    void aCustomerIsRefusedSomeoneElsesDataAndTheAdminRoutes() {
        Http.Authorized ada = Http.as(token(REALM, ShopRealm.DEFAULT_CLIENT, customer));

        assertProblem(403, ada.get(api("/users/" + someoneElse)));
        assertProblem(403, ada.put(api("/users/" + someoneElse),
                "{\"username\":\"bob\",\"email\":\"bob@example.org\",\"displayName\":\"taken over\"}"));
        assertProblem(403, ada.get(api("/users")));
        assertProblem(403, ada.delete(api("/users/" + customer.id())));
        assertProblem(403, ada.get(gateway.url() + "/admin/routes"));
        assertProblem(403, ada.get(atTheService("/users/" + someoneElse)));
        assertProblem(403, ada.get(atTheService("/users")));
    }

    @Test
    void anAdminReachesTheAdminRoutes() {
        Http.Authorized olivia = Http.as(token(REALM, ShopRealm.DEFAULT_CLIENT, ADMIN));

        Http.Reply routes = olivia.get(gateway.url() + "/admin/routes");
        assertEquals(200, routes.status(), routes::toString);
        Http.Reply users = olivia.get(api("/users"));
        assertEquals(200, users.status(), users::toString);
        assertTrue(users.body().contains(customer.id()) && users.body().contains(someoneElse), users::toString);
        assertEquals(200, olivia.get(api("/users/" + someoneElse)).status());
    }

    @Test
    void aTokenOfAnotherRealmOfTheSameKeycloakIsRefused() throws ParseException {
        String rival = token(RIVAL_REALM, ShopRealm.DEFAULT_CLIENT, RIVAL_ADMIN);
        JWTClaimsSet claims = SignedJWT.parse(rival).getJWTClaimsSet();
        assertTrue(claims.getAudience().contains(ShopRealm.AUDIENCE), "same audience, same role: only the realm "
                + "(issuer and keys) differs");
        assertEquals(List.of("admin"), claims.getJSONObjectClaim("realm_access").get("roles"));

        assertInvalidToken(Http.as(rival).get(api("/users")));
        assertInvalidToken(Http.as(rival).get(gateway.url() + "/admin/routes"));
        Http.Reply atTheService = Http.as(rival).get(atTheService("/users"));
        assertProblem(401, atTheService);
        assertEquals("Bearer error=\"invalid_token\"", atTheService.header("WWW-Authenticate"));
    }

    @Test
    void aNewSigningKeyIsAcceptedWithoutRestartingTheGateway() throws ParseException {
        String before = token(REALM, ShopRealm.DEFAULT_CLIENT, ADMIN);
        assertEquals(200, Http.as(before).get(api("/users")).status());
        long gatewayPid = gateway.pid();

        Instant rotating = Instant.now();
        keycloak.admin("create", "components", "-r", REALM, "-s", "name=rotated-rsa", "-s", "providerId=rsa-generated",
                "-s", "providerType=org.keycloak.keys.KeyProvider", "-s", "parentId=" + REALM,
                "-s", "config.priority=[\"200\"]", "-s", "config.keySize=[\"2048\"]");
        Duration kcadm = Duration.between(rotating, Instant.now());
        String after = token(REALM, ShopRealm.DEFAULT_CLIENT, ADMIN);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertNotEquals(oldKid, newKid, "Keycloak signs with the key of the highest priority");

        Instant presented = Instant.now();
        Instant deadline = presented.plus(KEY_RELOAD_INTERVAL).plusSeconds(30);
        int attempts = 0;
        Http.Reply reply;
        do {
            if (attempts > 0) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            attempts++;
            reply = Http.as(after).get(api("/users"));
        } while (reply.status() != 200 && Instant.now().isBefore(deadline));
        Duration accepted = Duration.between(presented, Instant.now());
        int tries = attempts;
        LOG.info(() -> String.format("Key rotation: kcadm made the new key (kid %s, was %s) in %d ms; the gateway "
                + "and the user service accepted its first token after %d ms, attempt %d", newKid, oldKid,
                kcadm.toMillis(), accepted.toMillis(), tries));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(gatewayPid, gateway.pid(), "the same gateway process");
        assertTrue(gateway.isAlive());
        assertEquals(200, Http.as(after).get(atTheService("/users")).status(), "the service reads the new key too");
        assertEquals(200, Http.as(before).get(api("/users")).status(),
                "the old key is still published (now passive): tokens it signed stay valid until they expire");
    }
}
