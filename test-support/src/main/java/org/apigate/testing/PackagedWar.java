package org.apigate.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The WAR this module's build packaged, for Arquillian deployments - optionally with MicroProfile Config values
 * laid over its defaults, e.g. a dependency's URL pointing at a test backend. The values travel in a library jar's
 * own {@code META-INF/microprofile-config.properties}, so the WAR's file stays untouched.
 */
public final class PackagedWar {

    /** Above the WAR's own file (100) and Payara's domain and config sources, below environment and -D (300, 400). */
    static final int OVERRIDE_ORDINAL = 200;

    private PackagedWar() {
    }

    /** {@code target/<finalName>.war}, as the build left it before the integration tests. */
    public static WebArchive of(String finalName) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/" + finalName + ".war"));
    }

    public static WebArchive withConfig(String finalName, Map<String, String> config) {
        Properties properties = new Properties();
        properties.setProperty("config_ordinal", String.valueOf(OVERRIDE_ORDINAL));
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "test overrides");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaArchive overrides = ShrinkWrap.create(JavaArchive.class, "test-config-overrides.jar")
                .addAsManifestResource(new StringAsset(text.toString()), "microprofile-config.properties");
        return of(finalName).addAsLibrary(overrides);
    }
}
