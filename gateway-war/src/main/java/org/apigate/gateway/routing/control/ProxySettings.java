package org.apigate.gateway.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * The proxy's tuning, {@code gateway.proxy.*} in MicroProfile Config (defaults and meaning in the WAR's
 * {@code microprofile-config.properties}). Read on every call (through Payara's 1 s config cache), so a changed
 * value applies within a second - except the connect timeout, which the shared client takes when it is created.
 * Durations are ISO-8601 ({@code PT10S}, {@code PT0.5S}).
 */
@ApplicationScoped
public class ProxySettings {

    @Inject
    Config config;

    /** How long one instance may take to answer a call completely (status, headers and body). */
    public Duration timeout() {
        return config.getValue("gateway.proxy.timeout", Duration.class);
    }

    /** How long connecting to an instance may take; the request has not been sent then, so any method may fail over. */
    public Duration connectTimeout() {
        return config.getValue("gateway.proxy.connect-timeout", Duration.class);
    }

    /** The largest request body forwarded; a bigger one is answered 413 without calling any service. */
    public long maxBodyBytes() {
        return config.getValue("gateway.proxy.max-body-bytes", Long.class);
    }

    /** Failures in a row after which an instance is taken out of rotation. */
    public int ejectAfter() {
        return config.getValue("gateway.proxy.eject-after", Integer.class);
    }

    /** How long an ejected instance stays out of rotation before it gets traffic again. */
    public Duration ejectFor() {
        return config.getValue("gateway.proxy.eject-for", Duration.class);
    }
}
