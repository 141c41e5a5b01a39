package org.apigate.order.instances;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One MicroProfile Rest Client per instance of a service, built from the interface (with the providers its
 * {@code @RegisterProvider} annotations name: error mapping, the service credential) and the timeouts configured for
 * its config key, {@code <configKey>/mp-rest/connectTimeout} and {@code /readTimeout} in milliseconds.
 */
public final class RestClients {

    private static final Logger LOG = Logger.getLogger(RestClients.class.getName());

    private RestClients() {
    }

    /**
     * @param configKey the interface's {@code @RegisterRestClient} config key, e.g. {@code inventory}
     * @param urlsKey   the key listing the instances, e.g. {@code order.inventory.url}
     * @throws IllegalArgumentException when the list cannot be used ({@link InstanceList}); logged as severe too,
     *                                  since a deployment failure's cause is easily buried in the server's log
     */
    public static <C> Instances<C> build(Class<C> api, String configKey, String urlsKey, Config config) {
        List<URI> urls;
        try {
            urls = InstanceList.parse(urlsKey, config.getOptionalValue(urlsKey, String.class).orElse(""));
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        long connect = timeout(config, configKey, "connectTimeout");
        long read = timeout(config, configKey, "readTimeout");
        LOG.info(() -> "Instances of " + configKey + " (" + urlsKey + "): " + urls);
        return new Instances<>(configKey, urls.stream().map(url -> new Instances.Instance<>(url,
                RestClientBuilder.newBuilder()
                        .baseUri(url)
                        .connectTimeout(connect, TimeUnit.MILLISECONDS)
                        .readTimeout(read, TimeUnit.MILLISECONDS)
                        .build(api))).toList());
    }

    /** A timeout in ms; the WAR's microprofile-config.properties ships each one, so none is defaulted here too. */
    private static long timeout(Config config, String configKey, String name) {
        return config.getValue(configKey + "/mp-rest/" + name, Long.class);
    }
}
