/**
 * The request pipeline: {@link org.apigate.gateway.pipeline.Pipeline} lists, in order, the stages every request to
 * the gateway passes, and is the only class that knows that order. See its documentation for the stages.
 */
package org.apigate.gateway.pipeline;
