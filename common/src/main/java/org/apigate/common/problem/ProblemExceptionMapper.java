package org.apigate.common.problem;

import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper extends ProblemMapper<ProblemException> {

    @Override
    Problem problemFor(ProblemException exception) {
        return exception.problem();
    }
}
