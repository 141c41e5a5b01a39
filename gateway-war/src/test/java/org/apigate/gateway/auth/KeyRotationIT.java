package org.apigate.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.apigate.gateway.probe.ProbeResource;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The issuer's keys as a JWKS URL, served on loopback by a JDK HTTP server that counts its fetches, and a key
 * rotation: a token naming a new {@code kid} is accepted at once (the gateway reloads the keys instead of waiting
 * for Payara's 5-minute cache), while a flood of tokens with unknown kids costs at most one fetch per reload interval.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    static final RSAKey FIRST = generate("rotation-1");
    static final RSAKey SECOND = generate("rotation-2");
    static final RSAKey UNKNOWN = generate("rotation-unknown");

    static final AtomicReference<String> JWKS = new AtomicReference<>(jwks(FIRST));
    static final AtomicInteger FETCHES = new AtomicInteger();
    static final HttpServer ISSUER = serveJwks();

    @Deployment(testable = false)
    static WebArchive gateway() {
        return PackagedWar.withConfig("gateway", Map.of(
                        "mp.jwt.verify.publickey.location",
                        "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/jwks.json",
                        "mp.jwt.verify.issuer", Tokens.ISSUER,
                        // longer than this test runs, so that the flood below can cause no second reload
                        "gateway.auth.key-reload-interval", "600"))
                .addClass(ProbeResource.class);
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void acceptsANewKeyAtOnceAndBoundsTheFetches() {
        String caller = Loopback.deployment(base, "") + "/admin/probe/caller";
        assertEquals(200, call(caller, SignedTokens.signedWith(FIRST, "before")).status());
        int fetchesBefore = FETCHES.get();

        JWKS.set(jwks(FIRST, SECOND));
        Http.Reply rotated = call(caller, SignedTokens.signedWith(SECOND, "after"));

        assertEquals(200, rotated.status(), rotated::toString);
        assertEquals(fetchesBefore + 1, FETCHES.get(), "one fetch for the new kid");
        assertEquals(200, call(caller, SignedTokens.signedWith(FIRST, "old-key-still-published")).status());

        for (int i = 0; i < 10; i++) {
            assertEquals(401, call(caller, SignedTokens.signedWith(UNKNOWN, "flood-" + i)).status());
        }
        assertEquals(fetchesBefore + 1, FETCHES.get(), "unknown kids within the reload interval fetch nothing");
        assertEquals(200, call(caller, SignedTokens.signedWith(SECOND, "after-flood")).status());
    }

    static Http.Reply call(String url, String token) {
        return Http.get(url, "Authorization", "Bearer " + token);
    }

    static String jwks(RSAKey... keys) {
        return new JWKSet(List.<JWK>of(keys).stream().map(JWK::toPublicJWK).toList()).toString();
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                FETCHES.incrementAndGet();
                byte[] body = JWKS.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
