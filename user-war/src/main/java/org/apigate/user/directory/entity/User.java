package org.apigate.user.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Entity
@Table(name = "users")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.createdAt, u.id")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
public class User {

    public static final String ALL = "User.all";
    public static final String COUNT = "User.count";

    @Id
    private String id;
    private String username;
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected User() {
        // for JPA
    }

    public User(UserForm form) {
        this.id = UUID.randomUUID().toString();
        // milliseconds, as the database keeps it: otherwise the first answers (and reads from the JPA cache) showed
        // nanoseconds and the same user read back after a restart showed another createdAt
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        update(form);
    }

    public final void update(UserForm form) {
        this.username = form.username();
        this.email = form.email();
        this.displayName = form.displayName();
    }

    public UserView view() {
        return new UserView(id, username, email, displayName, createdAt);
    }

    public String id() {
        return id;
    }
}
