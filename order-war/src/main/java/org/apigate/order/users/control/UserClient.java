package org.apigate.order.users.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.apigate.common.servicetoken.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * user-war's users API, one client per instance of {@code order.user.url} ({@link UserInstances}); an error status
 * becomes the Rest Client's {@link jakarta.ws.rs.WebApplicationException}. Calls carry this service's own credential for the audience
 * {@code user} (the config key): the order service asks whether a user exists, which the customer's own token would
 * not let it ask for someone else - and the customer was checked against the order's userId before.
 */
@RegisterRestClient(configKey = "user")
@RegisterProvider(ServiceTokenFilter.class)
@Path("api/users")
public interface UserClient {

    /**
     * Answers normally when the user exists. Only existence matters to orders, so the caller closes the response
     * unread (for a {@code void} method Payara's client would read the body as JSON, and fail on this one).
     */
    @GET
    @Path("{id}")
    Response find(@PathParam("id") String id);
}
