package org.apigate.common.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.List;
import java.util.Objects;

/**
 * Which of an issuer's keys may have signed a token: of the type its {@code alg} needs (RSA for RS256, EC P-256
 * for ES256 - a key of another type is never tried), meant for signatures, and with the token's {@code kid} when both
 * name one. A key without a {@code kid} (a PEM file has none) matches any {@code kid}; a token without one is tried
 * against every key of the right type.
 */
final class KeyChoice {

    private KeyChoice() {
    }

    static List<JWK> matching(JWKSet keys, JWSHeader header) {
        return keys.getKeys().stream().filter(key -> fits(key, header)).toList();
    }

    private static boolean fits(JWK key, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        boolean rightType = JWSAlgorithm.RS256.equals(alg) ? key instanceof RSAKey
                : JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
        boolean forSigning = key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
        boolean forThisAlg = key.getAlgorithm() == null || key.getAlgorithm().equals(alg);
        boolean sameKid = header.getKeyID() == null || key.getKeyID() == null
                || Objects.equals(header.getKeyID(), key.getKeyID());
        return rightType && forSigning && forThisAlg && sameKid;
    }
}
