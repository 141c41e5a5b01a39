package org.apigate.system;

import org.apigate.testing.PayaraMicro;
import org.apigate.testing.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * The gateway WAR at the root context of {@code instance}: it trusts the test issuer's tokens signed with the
     * key published at {@code keyLocation} and routes each service to its instances' base URLs
     * ({@code user -> http://127.0.0.1:p/user}, several comma-separated); ready when it refuses an anonymous call.
     */
    public static PayaraMicro.Builder gateway(PayaraMicro.Builder instance, String keyLocation,
                                              Map<String, String> serviceUrls) {
        PayaraMicro.Builder gateway = instance.deploy(of("gateway-war"), "/")
                .property("mp.jwt.verify.publickey.location", keyLocation)
                .property("mp.jwt.verify.issuer", Tokens.ISSUER)
                .readyWhen("/api/users", 401);
        serviceUrls.forEach((service, urls) -> gateway.property("gateway.service." + service + ".urls", urls));
        return gateway;
    }
}
