package org.apigate.common.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for the rules that {@code @RolesAllowed} cannot express: a customer may touch only its own data,
 * and its token's {@code sub} is its user id. {@code admin} may do everything. Used by the services' resources after
 * {@code @RolesAllowed} has admitted the caller's role.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The token's subject: a customer's user id, an admin's or a service's name. */
    public String subject() {
        return token.getSubject();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Whether the caller may act for the user {@code userId}: an admin, or that user as a customer. */
    public boolean actsFor(String userId) {
        return isAdmin() || hasRole(Roles.CUSTOMER) && userId != null && userId.equals(subject());
    }

    /**
     * Refuses the request with a 403 problem unless the caller {@link #actsFor acts for} {@code userId}.
     *
     * @param what the request in words for the problem's detail, e.g. {@code "read user 42"}
     */
    public void requireActingFor(String userId, String what) {
        if (!actsFor(userId)) {
            throw forbidden(what);
        }
    }

    /** A 403 problem: the caller is authenticated but may not do {@code what}. */
    public static ProblemException forbidden(String what) {
        return new ProblemException(Problem.of(403, "Forbidden", "This caller may not " + what + "."));
    }
}
