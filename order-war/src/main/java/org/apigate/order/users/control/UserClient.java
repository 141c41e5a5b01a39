package org.apigate.order.users.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * user-war's users API. The base URL is {@code user/mp-rest/url}, which defaults to {@code order.user.url}; error
 * responses become exceptions in {@link UserResponses}.
 */
@RegisterRestClient(configKey = "user")
@RegisterProvider(UserResponses.class)
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
