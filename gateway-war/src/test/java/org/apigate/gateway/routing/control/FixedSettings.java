package org.apigate.gateway.routing.control;

import java.time.Duration;

/** Proxy settings for tests, without MicroProfile Config. */
class FixedSettings extends ProxySettings {

    private final Duration timeout;
    private final int ejectAfter;
    private final Duration ejectFor;

    FixedSettings(Duration timeout, int ejectAfter, Duration ejectFor) {
        this.timeout = timeout;
        this.ejectAfter = ejectAfter;
        this.ejectFor = ejectFor;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public long maxBodyBytes() {
        return 1024;
    }

    @Override
    public int ejectAfter() {
        return ejectAfter;
    }

    @Override
    public Duration ejectFor() {
        return ejectFor;
    }
}
