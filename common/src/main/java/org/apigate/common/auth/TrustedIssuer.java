package org.apigate.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.Closeable;
import java.io.IOException;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One issuer whose tokens are accepted: its {@code iss}, the audiences of which a token must name at least one, its
 * keys, where its tokens carry roles and which roles it may grant at all (the users' identity provider never grants
 * {@link Roles#SERVICE}, the service issuer grants nothing else).
 */
final class TrustedIssuer implements Closeable {

    private final String issuer;
    private final Set<String> audiences;
    private final IssuerKeys keys;
    private final RolesClaim rolesClaim;
    private final Predicate<String> grants;

    TrustedIssuer(String issuer, Set<String> audiences, IssuerKeys keys, RolesClaim rolesClaim,
                  Predicate<String> grants) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.keys = keys;
        this.rolesClaim = rolesClaim;
        this.grants = grants;
    }

    String issuer() {
        return issuer;
    }

    /**
     * The token, verified as this issuer's: signature, audience, {@code exp} (required), {@code nbf} and {@code iat}
     * (not in the future), {@code sub} (required), each with {@code skewSeconds} of tolerance.
     */
    VerifiedToken verify(String raw, SignedJWT jwt, JWTClaimsSet claims, long nowSeconds, long skewSeconds)
            throws TokenRefusedException {
        verifySignature(jwt);
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw new TokenRefusedException("The token is not meant for this service (aud).");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new TokenRefusedException("The token has no expiry (exp).");
        }
        if (expiry.getTime() / 1000 + skewSeconds < nowSeconds) {
            throw new TokenRefusedException("The token has expired (exp).");
        }
        TokenTimes.checkNotInFuture(claims.getClaims(), nowSeconds, skewSeconds);
        String subject;
        try {
            subject = claims.getStringClaim("sub");
        } catch (ParseException e) {
            throw new TokenRefusedException("The token's subject (sub) is not a string.");
        }
        if (subject == null || subject.isBlank()) {
            throw new TokenRefusedException("The token has no subject (sub).");
        }
        Set<String> roles = rolesClaim.in(claims.getClaims()).stream().filter(grants)
                .collect(Collectors.toUnmodifiableSet());
        return new VerifiedToken(raw, claims, roles);
    }

    private void verifySignature(SignedJWT jwt) throws TokenRefusedException {
        List<JWK> candidates = keys.candidates(jwt.getHeader());
        for (JWK key : candidates) {
            try {
                if (jwt.verify(verifierFor(key))) {
                    return;
                }
            } catch (JOSEException | IllegalStateException wrongKey) {
                // a key that cannot check this signature: try the next one
            }
        }
        throw new TokenRefusedException(candidates.isEmpty()
                ? "No key of the issuer fits the token (alg, kid)."
                : "The token's signature does not verify with the issuer's keys.");
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        return key instanceof ECKey ec ? new ECDSAVerifier(ec.toECPublicKey())
                : new RSASSAVerifier(((RSAKey) key).toRSAPublicKey());
    }

    @Override
    public void close() throws IOException {
        keys.close();
    }

    @Override
    public String toString() {
        return issuer + " (keys " + keys + ", audiences " + audiences + ", roles in " + rolesClaim + ")";
    }
}
