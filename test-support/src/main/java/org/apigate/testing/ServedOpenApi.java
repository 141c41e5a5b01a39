package org.apigate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code /openapi} document a WAR serves, as JSON: boots it alone on a Payara Micro instance (loopback,
 * no cluster), asks, stops it. The build runs it on the gateway WAR before generating a client from the document
 * ({@code system-tests}); usage: {@code ServedOpenApi <war> <context root> <ready path> <output file>}.
 */
public final class ServedOpenApi {

    private ServedOpenApi() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ServedOpenApi <war> <context root> <ready path> <output file>");
        }
        Path output = Path.of(args[3]);
        try (PayaraMicro instance = PayaraMicro.named("openapi-" + output.getFileName().toString().split("\\.")[0])
                .deploy(Path.of(args[0]), args[1]).readyWhen(args[2], 401).build()) {
            instance.start();
            Http.Reply document = Http.get(instance.url() + "/openapi", "Accept", "application/json");
            if (document.status() != 200) {
                throw new IllegalStateException("GET /openapi answered " + document.status() + ": " + document.body());
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, document.body());
        }
    }
}
