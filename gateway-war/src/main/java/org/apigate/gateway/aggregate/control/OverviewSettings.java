package org.apigate.gateway.aggregate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * How long an overview may take, {@code gateway.overview.*} in MicroProfile Config (defaults and meaning in the
 * WAR's {@code microprofile-config.properties}), ISO-8601 durations. Read for every request, so a changed value
 * applies to the next one without a redeploy.
 */
@ApplicationScoped
public class OverviewSettings {

    static final String BRANCH_TIMEOUT = "gateway.overview.branch-timeout";
    static final String DEADLINE = "gateway.overview.deadline";

    @Inject
    CachedConfig config;

    /** How long each call (user, orders, stock) may take, counted from its start. */
    public Duration branchTimeout() {
        return config.getValue(BRANCH_TIMEOUT, Duration.class);
    }

    /** How long the whole overview may take, counted from the first call; a call still running then is cut off. */
    public Duration deadline() {
        return config.getValue(DEADLINE, Duration.class);
    }
}
