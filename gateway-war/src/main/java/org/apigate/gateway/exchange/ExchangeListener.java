package org.apigate.gateway.exchange;

/**
 * Observes finished requests: metrics, the access log, tracing. Called once per request by the pipeline after the
 * answer was written, whatever the outcome, on the request's thread - so an implementation must be quick and must not
 * throw (it would only lose its own observation).
 */
public interface ExchangeListener {

    void completed(Exchange exchange);
}
