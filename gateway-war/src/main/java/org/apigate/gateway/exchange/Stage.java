package org.apigate.gateway.exchange;

import java.io.IOException;

/**
 * One step of the request pipeline. A stage reads and writes the {@link Exchange}; it ends the request early by
 * returning {@code false} (it answered, e.g. a CORS preflight) or by throwing a
 * {@link org.apigate.common.problem.ProblemException} (the pipeline answers with that problem).
 */
@FunctionalInterface
public interface Stage {

    /**
     * @return whether the request goes on to the next stage
     * @throws IOException when the client's connection failed (nothing more can be answered)
     */
    boolean apply(Exchange exchange) throws IOException;
}
