package org.apigate.user.directory.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.apigate.common.persistence.Constraints;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.user.directory.entity.User;
import org.apigate.user.directory.entity.UserForm;
import org.apigate.user.directory.entity.UserView;

import java.util.List;

/**
 * Reads and writes users, one transaction per call. Uniqueness is enforced by the database's constraints, so two
 * concurrent registrations of one username cannot both win; the loser gets a 409.
 */
@Stateless
public class UserDirectory {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public UserView register(UserForm form) {
        User user = new User(form);
        em.persist(user);
        flushUnique(form);
        return user.view();
    }

    public UserView find(String id) {
        return existing(id).view();
    }

    public List<UserView> list(int limit, int offset) {
        return em.createNamedQuery(User.ALL, User.class).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(User::view).toList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    public UserView replace(String id, UserForm form) {
        User user = existing(id);
        user.update(form);
        flushUnique(form);
        return user.view();
    }

    public void delete(String id) {
        em.remove(existing(id));
    }

    private User existing(String id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No user with id " + id + "."));
        }
        return user;
    }

    /** Flushes now so a unique-constraint violation surfaces here, as a 409, not at commit as a 500. */
    private void flushUnique(UserForm form) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            throw new ProblemException(Problem.typed(Response.Status.CONFLICT.getStatusCode(), "duplicate-user",
                    "Duplicate user", "Username " + form.username() + " or email " + form.email()
                            + " is already registered."));
        }
    }
}
