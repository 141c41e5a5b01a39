/**
 * One parse, one truth: the request target as the client sent it becomes one canonical
 * {@link org.apigate.gateway.exchange.RequestTarget}, from which the access decision and the upstream request are
 * both derived. A target that could not be forwarded exactly as it is judged is refused with 400 before anything is
 * routed: a {@code #} (a fragment never belongs on the wire, and a URI library would cut the query there), characters
 * a URI may not carry, malformed or non-UTF-8 percent-encoding, encoded slashes or backslashes, dot segments, empty
 * segments, control characters, and {@code ;} (matrix or path parameters, which servlet containers and JAX-RS read
 * differently).
 */
package org.apigate.gateway.target;
