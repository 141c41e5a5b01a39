package org.apigate.user;

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
 * The user service's REST API under {@code /user/api}. Every request with a bearer token is authenticated by
 * common's {@code BearerTokenMechanism}; {@code @LoginConfig} switches on {@code @RolesAllowed} for the resources
 * (Payara's MP-JWT support sees it only on a CDI bean, hence {@code @ApplicationScoped}).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.CUSTOMER, Roles.SERVICE})
@OpenAPIDefinition(info = @Info(title = "apigate user service", version = "1.0",
        description = "The shop's users, in the user service's own database. Reached by clients through the gateway "
                + "(/api/users/**); every call needs a bearer token, checked here too. Errors are RFC 9457 problems.",
        contact = @Contact(name = "apigate", url = "https://apigate.org")))
public class UserApplication extends Application {
}
