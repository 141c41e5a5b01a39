package org.apigate.order;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.apigate.common.auth.Roles;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;

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
@OpenAPIDefinition(info = @Info(title = "apigate order service", version = "1.0",
        description = "Orders, each placed as a saga: the user checked, the stock reserved in inventory, the order "
                + "CONFIRMED. Reached by clients through the gateway (/api/orders/**); every call needs a bearer "
                + "token, checked here too. Errors are RFC 9457 problems.",
        contact = @Contact(name = "apigate", url = "https://apigate.org")))
public class OrderApplication extends Application {
}
