package org.apigate.inventory;

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
 * The inventory service's REST API under {@code /inventory/api}. Every request with a bearer token is authenticated
 * by common's {@code BearerTokenMechanism}; {@code @LoginConfig} switches on {@code @RolesAllowed} for the resources
 * (Payara's MP-JWT support sees it only on a CDI bean, hence {@code @ApplicationScoped}).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
@OpenAPIDefinition(info = @Info(title = "apigate inventory service", version = "1.0",
        description = "Items, their stock and the reservations that hold it, never oversold. Reached by clients "
                + "through the gateway (/api/inventory/** is /api/** here); every call needs a bearer token, checked "
                + "here too. Errors are RFC 9457 problems.",
        contact = @Contact(name = "apigate", url = "https://apigate.org")))
public class InventoryApplication extends Application {
}
