package org.apigate.gateway.ratelimit;

import java.io.Serializable;

/**
 * The answer for one request: admitted or not, the quota units left (as counted, after this request), and the
 * seconds, rounded up, until a unit comes back (counted admissions leave the counted span) - for a refused request
 * the Retry-After, after which the next request is admitted. Serializable: the entry processor returns it from the
 * member that owns the counter.
 */
record Decision(boolean admitted, int remaining, long resetSeconds) implements Serializable {
}
