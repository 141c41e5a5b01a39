package org.apigate.system;

import org.apigate.testing.AuthSettings;
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

    /** The resource of each service that a readiness check asks for (it must refuse an anonymous call). */
    private static final Map<String, String> RESOURCE = Map.of("user", "users", "inventory", "items",
            "order", "orders");

    /**
     * A service WAR ({@code user}, {@code inventory}, {@code order}) at its context root of {@code instance}. It
     * verifies tokens itself: it trusts the test issuer's tokens, and user and inventory also the service credential,
     * which the order service signs its calls with ({@link AuthSettings}). Ready when its API refuses an anonymous
     * call: deployed, and its authentication installed.
     */
    public static PayaraMicro.Builder service(PayaraMicro.Builder instance, String service) {
        Map<String, String> auth = service.equals("order")
                ? AuthSettings.merged(AuthSettings.users(), AuthSettings.serviceCredential())
                : AuthSettings.service(service);
        return instance.deploy(of(service + "-war"), "/" + service).properties(auth)
                .readyWhen("/" + service + "/api/" + RESOURCE.get(service) + "?limit=1", 401);
    }

    /**
     * A service WAR as {@link #service(PayaraMicro.Builder, String)}, whose users' tokens come from another identity
     * provider than the test issuer: {@code identityProvider} holds its {@code mp.jwt.verify.*} keys and
     * {@code gateway.auth.roles-claim}, replacing the test issuer's. The service credential stays as it is.
     */
    public static PayaraMicro.Builder service(PayaraMicro.Builder instance, String service,
                                              Map<String, String> identityProvider) {
        return service(instance, service).properties(identityProvider);
    }

    /**
     * The gateway WAR at the root context of {@code instance}, as operators start it: health and metrics on a
     * management port of their own ({@link PayaraMicro#managementUrl()}). It trusts the test issuer's tokens signed
     * with the key published at {@code keyLocation} and routes each service to its instances' base URLs
     * ({@code user -> http://127.0.0.1:p/user}, several comma-separated); ready when it refuses an anonymous call.
     */
    public static PayaraMicro.Builder gateway(PayaraMicro.Builder instance, String keyLocation,
                                              Map<String, String> serviceUrls) {
        return gateway(instance, Map.of("mp.jwt.verify.publickey.location", keyLocation,
                "mp.jwt.verify.issuer", Tokens.ISSUER), serviceUrls);
    }

    /**
     * The gateway WAR as {@link #gateway(PayaraMicro.Builder, String, Map)}, trusting the identity provider that
     * {@code identityProvider} describes: its {@code mp.jwt.verify.*} keys, and {@code gateway.auth.roles-claim}
     * where its tokens do not carry the roles in {@code groups}.
     */
    public static PayaraMicro.Builder gateway(PayaraMicro.Builder instance, Map<String, String> identityProvider,
                                              Map<String, String> serviceUrls) {
        PayaraMicro.Builder gateway = instance.managementPort().deploy(of("gateway-war"), "/")
                .properties(identityProvider)
                .readyWhen("/api/users", 401);
        serviceUrls.forEach((service, urls) -> gateway.property("gateway.service." + service + ".urls", urls));
        return gateway;
    }
}
