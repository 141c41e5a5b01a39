package org.apigate.common.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyDocumentsTest {

    @TempDir
    Path directory;

    @Test
    void readsAPemFileAsTheJwksOfItsKey() throws Exception {
        String url = Jwts.write(directory.resolve("key.pem"), Jwts.publicPem(Jwts.RSA));

        JWKSet keys = JWKSet.parse(new KeyDocuments().retrieveResource(KeyDocuments.locate(url)).getContent());

        assertEquals(1, keys.getKeys().size());
        assertEquals(Jwts.RSA.toRSAPublicKey(), ((RSAKey) keys.getKeys().get(0)).toRSAPublicKey());
    }

    @Test
    void readsAJwksFileAsItIs() throws Exception {
        String url = Jwts.write(directory.resolve("jwks.json"), Jwts.jwks(Jwts.RSA, Jwts.EC));

        JWKSet keys = JWKSet.parse(new KeyDocuments().retrieveResource(KeyDocuments.locate(url)).getContent());

        assertEquals(2, keys.getKeys().size());
    }

    @Test
    void findsClasspathResourcesWithOrWithoutPrefixOrSlash() {
        for (String location : new String[] {"test-key.pem", "/test-key.pem", "classpath:test-key.pem"}) {
            assertTrue(KeyDocuments.locate(location).toString().endsWith("test-key.pem"), location);
        }
        assertThrows(IllegalArgumentException.class, () -> KeyDocuments.locate("no-such-key.pem"));
    }

    @Test
    void refusesAPemDocumentWithoutAPublicKey() {
        assertThrows(IOException.class, () -> KeyDocuments.asJwks(Jwts.privatePem(Jwts.RSA)));
    }
}
