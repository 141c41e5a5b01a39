package org.apigate.common.servicetoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apigate.common.auth.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceCredentialTest {

    static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @TempDir
    Path directory;

    static RSAKey key() throws JOSEException {
        return new RSAKeyGenerator(2048).generate();
    }

    final AtomicReference<Instant> clock = new AtomicReference<>(NOW);

    ServiceCredential credential(RSAKey key, Instant now) throws Exception {
        clock.set(now);
        Path pem = directory.resolve("service-private.pem");
        Files.writeString(pem, Jwts.privatePem(key));
        return new ServiceCredential(new MapConfig(Map.of(ServiceCredential.PRIVATE_KEY, pem.toUri().toString(),
                ServiceCredential.SUBJECT, "order-service")), clock::get);
    }

    @Test
    void signsAShortLivedServiceTokenForTheCallee() throws Exception {
        RSAKey key = key();

        SignedJWT token = SignedJWT.parse(credential(key, NOW).tokenFor("inventory"));

        assertTrue(token.verify(new RSASSAVerifier(key.toRSAPublicKey())));
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals("https://apigate.local/services", claims.getIssuer());
        assertEquals("order-service", claims.getSubject());
        assertEquals(List.of("inventory"), claims.getAudience());
        assertEquals(List.of("service"), claims.getStringListClaim("groups"));
        assertEquals(NOW.plusSeconds(300), claims.getExpirationTime().toInstant());
        assertEquals("RS256", token.getHeader().getAlgorithm().getName());
    }

    @Test
    void reusesATokenUntilShortlyBeforeItExpires() throws Exception {
        ServiceCredential credential = credential(key(), NOW);
        String first = credential.tokenFor("user");

        clock.set(NOW.plusSeconds(100));
        assertEquals(first, credential.tokenFor("user"));
        assertNotEquals(first, credential.tokenFor("inventory"), "one token per callee");
    }

    @Test
    void renewsATokenThatWouldExpireWithinAMinute() throws Exception {
        ServiceCredential credential = credential(key(), NOW);
        String token = credential.tokenFor("user");

        clock.set(NOW.plusSeconds(239));
        assertEquals(token, credential.tokenFor("user"));
        clock.set(NOW.plusSeconds(241));
        assertNotEquals(token, credential.tokenFor("user"));
    }

    @Test
    void failsClearlyWithoutAPrivateKey() {
        ServiceCredential none = new ServiceCredential(new MapConfig(Map.of(ServiceCredential.SUBJECT, "x")),
                Instant::now);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> none.tokenFor("user"));
        assertTrue(failure.getMessage().contains(ServiceCredential.PRIVATE_KEY));
    }
}
