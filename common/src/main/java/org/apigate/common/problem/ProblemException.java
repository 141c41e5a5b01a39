package org.apigate.common.problem;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by business code to answer with a specific problem; rendered by {@link ProblemExceptionMapper}. An EJB
 * application exception, so it reaches the mapper unwrapped and still rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
