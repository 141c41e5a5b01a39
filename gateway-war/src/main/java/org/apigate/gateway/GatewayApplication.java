package org.apigate.gateway;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The public entry point: {@code /api/**} for clients, {@code /admin/**} for operators.
 * Every request is authenticated by the MicroProfile JWT mechanism; the roles a token may carry in its
 * {@code groups} claim are the two declared here. The class is a CDI bean ({@code @ApplicationScoped}) because
 * Payara's MP-JWT extension only sees {@code @LoginConfig} on a bean; without it nothing installs the mechanism.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"customer", "admin"})
public class GatewayApplication extends Application {
}
