package org.apigate.common.servicetoken;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.lang.reflect.Method;

/**
 * Sends the {@link ServiceCredential} with every call of a MicroProfile Rest Client that registers this filter
 * ({@code @RegisterProvider(ServiceTokenFilter.class)}), for calls made for a customer and for calls nobody asked
 * for (a timer's retries) alike. The audience is the callee's name: the {@code configKey} of the client's
 * {@code @RegisterRestClient} ({@code user}, {@code inventory}), which each callee accepts as its
 * {@code apigate.service-token.audience}.
 */
@Priority(Priorities.AUTHENTICATION)
public class ServiceTokenFilter implements ClientRequestFilter {

    /** Set by every MicroProfile Rest Client implementation on the request context (spec 2.0, section 6.1). */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    @Override
    public void filter(ClientRequestContext request) {
        String token = CDI.current().select(ServiceCredential.class).get().tokenFor(audience(request));
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    static String audience(ClientRequestContext request) {
        if (request.getProperty(INVOKED_METHOD) instanceof Method method) {
            RegisterRestClient client = method.getDeclaringClass().getAnnotation(RegisterRestClient.class);
            if (client != null && !client.configKey().isBlank()) {
                return client.configKey();
            }
        }
        throw new IllegalStateException("ServiceTokenFilter needs a MicroProfile Rest Client interface with "
                + "@RegisterRestClient(configKey = \"<callee's name>\")");
    }
}
