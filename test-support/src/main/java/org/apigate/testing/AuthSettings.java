package org.apigate.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MicroProfile Config a WAR under test needs to verify the tokens of {@link Tokens}: the test issuer's keys (a
 * JWKS file with its RSA and EC keys), issuer and audience, and - for a service that other services call - the
 * service credential's public key and the service's own name as the audience service tokens must carry. For
 * {@code PackagedWar.withConfig} or {@code PayaraMicro.Builder.properties}. Key files are written under
 * {@code target/it-keys} of the module.
 */
public final class AuthSettings {

    static final Path KEYS = Path.of("target", "it-keys");

    private AuthSettings() {
    }

    /** Users' tokens only (e.g. the order service, which no service calls). */
    public static Map<String, String> users() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mp.jwt.verify.publickey.location", TestKeys.jwks(KEYS));
        settings.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        settings.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        return settings;
    }

    /** Users' tokens, and service tokens whose audience is {@code name} ({@code user}, {@code inventory}). */
    public static Map<String, String> service(String name) {
        Map<String, String> settings = users();
        settings.put("apigate.service-token.publickey.location", TestKeys.servicePublicKeyPem(KEYS));
        settings.put("apigate.service-token.audience", name);
        return settings;
    }

    /** What a service needs to call others with the service credential (the order service). */
    public static Map<String, String> serviceCredential() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("apigate.service-token.private-key.location", TestKeys.servicePrivateKeyPem(KEYS));
        return settings;
    }

    /** {@code a} and {@code b} together, {@code b} winning. */
    public static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
