package org.apigate.system.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral (the version pinned in {@code tools/openapi/package-lock.json}, installed there by the build) with the
 * project's ruleset, {@code tools/openapi/.spectral.yaml}: {@code spectral:oas} unchanged.
 */
final class Spectral {

    /** One finding: severity 0 error, 1 warning, 2 info, 3 hint. */
    record Finding(String code, int severity, String path, String message) {
        boolean isErrorOrWarning() {
            return severity <= 1;
        }
    }

    private static final Path TOOLS = Path.of(System.getProperty("apigate.openapi.tools", "../tools/openapi"))
            .toAbsolutePath().normalize();

    private Spectral() {
    }

    /** For the test's output, e.g. {@code 0 errors, 0 warnings, 0 infos or hints}. */
    static String figures(List<Finding> findings) {
        long errors = findings.stream().filter(finding -> finding.severity() == 0).count();
        long warnings = findings.stream().filter(finding -> finding.severity() == 1).count();
        return errors + " errors, " + warnings + " warnings, " + (findings.size() - errors - warnings)
                + " infos or hints";
    }

    static List<Finding> lint(Path document) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(TOOLS.resolve("node_modules/.bin/spectral").toString(), "lint",
                "--ruleset", TOOLS.resolve(".spectral.yaml").toString(), "--format", "json", "--quiet",
                document.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Spectral did not finish linting " + document);
        }
        if (output.isBlank()) {
            throw new IllegalStateException("Spectral printed nothing (exit " + process.exitValue() + ") for " + document);
        }
        try (JsonReader reader = Json.createReader(new StringReader(output))) {
            return reader.readArray().stream().map(JsonObject.class::cast)
                    .map(finding -> new Finding(finding.getString("code"), finding.getInt("severity"),
                            String.join(".", finding.getJsonArray("path").stream()
                                    .map(segment -> segment.toString().replace("\"", "")).toList()),
                            finding.getString("message")))
                    .toList();
        }
    }
}
