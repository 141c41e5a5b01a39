package org.apigate.common.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenShapeTest {

    static JWSHeader header(JWSAlgorithm alg, String typ) {
        return new JWSHeader.Builder(alg).type(typ == null ? null : new JOSEObjectType(typ)).build();
    }

    static String refusal(String token) {
        return assertThrows(TokenRefusedException.class, () -> TokenShape.parse(token)).getMessage();
    }

    static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }

    @Test
    void acceptsRs256AndEs256Only() {
        assertDoesNotThrow(() -> TokenShape.check(header(JWSAlgorithm.RS256, "JWT")));
        assertDoesNotThrow(() -> TokenShape.check(header(JWSAlgorithm.ES256, "JWT")));
        for (JWSAlgorithm other : Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512, JWSAlgorithm.RS384,
                JWSAlgorithm.PS256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA, new JWSAlgorithm("None"))) {
            TokenRefusedException refused = assertThrows(TokenRefusedException.class,
                    () -> TokenShape.check(header(other, "JWT")), other::getName);
            assertTrue(refused.getMessage().contains("RS256 and ES256"), refused::getMessage);
        }
    }

    @Test
    void acceptsNoTypeJwtAndAccessTokenTypesInAnyCase() {
        for (String typ : new String[] {null, "JWT", "jwt", "at+jwt", "AT+JWT", "At+Jwt"}) {
            assertDoesNotThrow(() -> TokenShape.check(header(JWSAlgorithm.RS256, typ)), typ);
        }
    }

    @Test
    void refusesEveryOtherType() {
        for (String typ : new String[] {"foo", "JWS", "logout+jwt", "secevent+jwt", "application/json", "", "JWT "}) {
            TokenRefusedException refused = assertThrows(TokenRefusedException.class,
                    () -> TokenShape.check(header(JWSAlgorithm.RS256, typ)), typ);
            assertTrue(refused.getMessage().contains("typ"), refused::getMessage);
        }
    }

    @Test
    void refusesCriticalHeaderParameters() {
        JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.RS256).criticalParams(Set.of("exp"))
                .customParam("exp", 1).build();

        assertThrows(TokenRefusedException.class, () -> TokenShape.check(critical));
    }

    @Test
    void refusesUnsignedTokensInEveryCase() {
        String plain = new PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("x").build()).serialize();
        assertTrue(refusal(plain).contains("alg none"));
        String claims = segment("{\"sub\":\"x\"}");
        refusal(segment("{\"alg\":\"None\"}") + "." + claims + ".");
        assertTrue(refusal(segment("{\"alg\":\"NONE\",\"typ\":\"JWT\"}") + "." + claims + ".sig").contains("alg"));
    }

    @Test
    void refusesAnHmacTokenWhateverItsSecret() throws Exception {
        com.nimbusds.jose.JWSObject hs256 = new com.nimbusds.jose.JWSObject(header(JWSAlgorithm.HS256, "JWT"),
                new Payload("{\"sub\":\"x\"}"));
        hs256.sign(new MACSigner(new byte[32]));

        assertTrue(refusal(hs256.serialize()).contains("RS256 and ES256"));
    }

    @Test
    void refusesEncryptedAndMalformedTokens() {
        assertTrue(refusal("a.b.c.d.e").contains("JWE"));
        assertTrue(refusal(segment("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".b.c").contains("well-formed"));
        assertTrue(refusal("hello").contains("three"));
        assertTrue(refusal("a.b.c.d").contains("three"));
        assertTrue(refusal("..").contains("well-formed"));
        assertTrue(refusal(segment("not json") + ".e30.c2ln").contains("well-formed"));
    }

    @Test
    void refusesTokensLongerThan8KiB() {
        String refused = refusal(segment("{\"alg\":\"RS256\"}") + "." + "a".repeat(TokenShape.MAX_LENGTH) + ".s");

        assertEquals("The bearer token is longer than 8192 characters.", refused);
    }
}
