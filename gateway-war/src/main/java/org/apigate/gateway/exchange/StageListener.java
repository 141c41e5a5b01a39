package org.apigate.gateway.exchange;

/**
 * Observes the stages of a request as the pipeline runs them (tracing makes a span of each). Called on the request's
 * thread; must be quick and must not throw.
 */
public interface StageListener {

    void entered(Exchange exchange, String stage);

    /** @param failure the problem or error that ended the stage, or null */
    void left(Exchange exchange, String stage, Throwable failure);
}
