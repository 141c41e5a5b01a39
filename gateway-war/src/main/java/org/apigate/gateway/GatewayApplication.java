package org.apigate.gateway;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.apigate.common.auth.Roles;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application of the operators' area, {@code /admin/**} (everything else goes through the request
 * pipeline's servlet). Every request is authenticated by the MicroProfile JWT realm; the roles a token may carry are
 * the two declared here. The class is a CDI bean ({@code @ApplicationScoped}) because Payara's MP-JWT extension only
 * sees {@code @LoginConfig} on a bean; without it nothing installs the mechanism.
 */
@ApplicationPath("/admin")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.ADMIN})
public class GatewayApplication extends Application {
}
