package org.apigate.gateway.backend;

import org.apigate.testing.TestKeys;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.apigate.testing.Tokens;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged gateway WAR as operators deploy it, with test settings appended to its
 * {@code microprofile-config.properties} (later lines win): the run's public key and issuer, a rate limit that never
 * interferes, and the caller's own settings (service URLs, timeouts).
 */
public final class GatewayArchive {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private GatewayArchive() {
    }

    public static WebArchive withConfig(Map<String, String> settings) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/gateway.war"));
        Map<String, String> test = new LinkedHashMap<>();
        test.put("mp.jwt.verify.publickey.location", TestKeys.rsaPublicKeyPem(Path.of("target", "it-keys")));
        test.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        test.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        test.put("gateway.ratelimit.limit", "10000"); // so high that no IT is limited unless it sets its own
        test.putAll(settings);
        StringBuilder config = new StringBuilder(packagedConfig(war)).append("\n# ---- test settings ----\n");
        test.forEach((key, value) -> config.append(key).append('=').append(value).append('\n'));
        war.delete(CONFIG);
        war.add(new StringAsset(config.toString()), CONFIG);
        return war;
    }

    /**
     * Like {@link #withConfig(Map)}, plus a {@link LiveConfigSource} reading {@code liveFile}: what the test writes
     * there overrides every other source from the next lookup on, without a redeploy. For that, Payara's config
     * cache is off in these archives ({@code mp.config.cache.duration=0}; the WAR ships 1000 ms, so in production a
     * change applies within a second): the tests check what a change does, not how soon the cache lets it through.
     */
    public static WebArchive withLiveConfig(Map<String, String> settings, Path liveFile) {
        Map<String, String> live = new LinkedHashMap<>();
        live.put("mp.config.cache.duration", "0");
        live.putAll(settings);
        return withConfig(live)
                .addClass(LiveConfigSource.class)
                .addAsResource(new StringAsset(liveFile.toAbsolutePath().toString()), LiveConfigSource.LOCATION)
                .addAsResource(new StringAsset(LiveConfigSource.class.getName()),
                        "META-INF/services/" + ConfigSource.class.getName());
    }

    private static String packagedConfig(WebArchive war) {
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
