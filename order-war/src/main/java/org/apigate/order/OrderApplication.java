package org.apigate.order;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.apigate.common.auth.Roles;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The order service's REST API under {@code /order/api}. Every request with a bearer token is authenticated by
 * common's {@code BearerTokenMechanism}; {@code @LoginConfig} switches on {@code @RolesAllowed} for the resources
 * (Payara's MP-JWT support sees it only on a CDI bean, hence {@code @ApplicationScoped}). The service calls user
 * and inventory with its own service credential ({@code org.apigate.common.servicetoken}).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
public class OrderApplication extends Application {
}
