/**
 * RFC 9457 problem details: the single error format of every WAR. {@link org.apigate.common.problem.Problem} is the
 * value, {@link org.apigate.common.problem.ProblemException} carries one out of business code, and the mappers in
 * this package turn every exception a client can provoke into a problem response, never a stack trace.
 */
package org.apigate.common.problem;
