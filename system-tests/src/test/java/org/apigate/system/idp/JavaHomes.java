package org.apigate.system.idp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of a least a given feature version for a process the tests start (Keycloak 26 needs Java 21+, the WARs
 * run on the build's Java 17). Looks, in this order, at the directory the system property names, at the test JVM's
 * own {@code java.home}, at {@code JAVA_HOME}, and at every JDK under {@code /usr/lib/jvm}; a JDK's version comes
 * from its {@code release} file.
 */
final class JavaHomes {

    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    private JavaHomes() {
    }

    /** The first candidate with {@code bin/java} and a {@code JAVA_VERSION} of at least {@code feature}. */
    static Optional<Path> atLeast(int feature, String property) {
        return candidates(property).stream().filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                .filter(home -> featureVersion(home) >= feature).findFirst();
    }

    /** Where {@link #atLeast} looked, for the message when it found nothing. */
    static List<Path> candidates(String property) {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(property, "");
        if (!configured.isBlank()) {
            candidates.add(Path.of(configured.strip()));
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        if (Files.isDirectory(SYSTEM_JVMS)) {
            try (Stream<Path> jvms = Files.list(SYSTEM_JVMS)) {
                jvms.filter(Files::isDirectory).sorted().forEach(candidates::add);
            } catch (IOException e) {
                // nothing more to look at
            }
        }
        return candidates;
    }

    /** The feature version in {@code <home>/release} ({@code JAVA_VERSION="25.0.1"}: 25), 0 when unreadable. */
    static int featureVersion(Path home) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.split("[.+-]", 2)[0];
        try {
            return feature.equals("1") ? 8 : Integer.parseInt(feature);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
