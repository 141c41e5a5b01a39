package org.apigate.order.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apigate.order.instances.Instances;
import org.apigate.order.instances.RestClients;
import org.eclipse.microprofile.config.Config;

/**
 * user-war's instances ({@code order.user.url}), each with its {@link UserClient}. Made when the WAR is
 * deployed: a list that cannot be used stops the deployment with the reason, rather than failing every order.
 */
@ApplicationScoped
public class UserInstances {

    static final String URLS = "order.user.url";

    @Inject
    Config config;

    private Instances<UserClient> instances;

    @PostConstruct
    void connect() {
        instances = RestClients.build(UserClient.class, "user", URLS, config);
    }

    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // observing the deployment creates this bean then, so connect() checks the list before any order comes
    }

    public Instances<UserClient> instances() {
        return instances;
    }
}
