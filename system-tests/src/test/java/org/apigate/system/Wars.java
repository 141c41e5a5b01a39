package org.apigate.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged WARs under test, copied by the build into target/wars. */
public final class Wars {

    private Wars() {
    }

    public static Path of(String module) {
        Path war = Path.of(System.getProperty("apigate.wars", "target/wars"), module + ".war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("Missing " + war + ": run the tests through Maven (mvn verify)");
        }
        return war;
    }

    /** A fresh H2 file URL for one service of one test run, so runs never see each other's data. */
    public static String h2(String runId, String service) {
        return "jdbc:h2:file:" + Path.of("target", "system-data", runId, service).toAbsolutePath();
    }
}
