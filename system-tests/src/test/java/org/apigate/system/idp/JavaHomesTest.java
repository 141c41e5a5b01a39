package org.apigate.system.idp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaHomesTest {

    @TempDir
    Path jdks;

    Path jdk(String name, String version, boolean withJava) throws IOException {
        Path home = Files.createDirectories(jdks.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        if (withJava) {
            Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    @Test
    void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertEquals(25, JavaHomes.featureVersion(jdk("temurin-25", "25.0.3", false)));
        assertEquals(21, JavaHomes.featureVersion(jdk("jdk-21", "21", false)));
        assertEquals(17, JavaHomes.featureVersion(jdk("openjdk-17", "17.0.15", false)));
        assertEquals(8, JavaHomes.featureVersion(jdk("jdk-8", "1.8.0_392", false)));
        assertEquals(0, JavaHomes.featureVersion(jdks.resolve("nothing-here")));
    }

    @Test
    void takesTheNamedJdkFirstWhenItIsRecentEnough() throws IOException {
        Path named = jdk("named", "21.0.5", true);
        System.setProperty("javahomes.test.home", named.toString());
        try {
            assertEquals(Optional.of(named), JavaHomes.atLeast(21, "javahomes.test.home"));
        } finally {
            System.clearProperty("javahomes.test.home");
        }
    }

    @Test
    void passesOverAJdkWithoutJavaOrTooOldAndFindsNothingTooNew() throws IOException {
        System.setProperty("javahomes.test.home", jdk("no-java", "99", false).toString());
        try {
            assertTrue(JavaHomes.atLeast(99, "javahomes.test.home").isEmpty(), "this is what makes the test skip");
        } finally {
            System.clearProperty("javahomes.test.home");
        }
    }
}
