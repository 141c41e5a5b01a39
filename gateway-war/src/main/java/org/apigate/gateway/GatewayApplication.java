package org.apigate.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of the operators' area, {@code /admin/**}, for admins only
 * ({@link org.apigate.gateway.auth.AdminAreaAuthentication}). Everything else goes through the request pipeline's
 * servlet.
 */
@ApplicationPath("/admin")
public class GatewayApplication extends Application {
}
