package org.apigate.order.inventory.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apigate.order.instances.Instances;
import org.apigate.order.instances.RestClients;
import org.eclipse.microprofile.config.Config;

/**
 * inventory-war's instances ({@code order.inventory.url}), each with its {@link InventoryClient}. Made when the WAR is
 * deployed: a list that cannot be used stops the deployment with the reason, rather than failing every order.
 */
@ApplicationScoped
public class InventoryInstances {

    static final String URLS = "order.inventory.url";

    @Inject
    Config config;

    private Instances<InventoryClient> instances;

    @PostConstruct
    void connect() {
        instances = RestClients.build(InventoryClient.class, "inventory", URLS, config);
    }

    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // observing the deployment creates this bean then, so connect() checks the list before any order comes
    }

    public Instances<InventoryClient> instances() {
        return instances;
    }
}
