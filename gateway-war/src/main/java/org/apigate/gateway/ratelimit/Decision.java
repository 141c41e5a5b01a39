package org.apigate.gateway.ratelimit;

import java.io.Serializable;

/**
 * The answer for one request: admitted or not, the quota units left in the window, and the seconds until the next
 * unit comes back (the oldest counted admission leaves the window) - for a refused request the Retry-After.
 * Serializable: the entry processor returns it from the member that owns the counter.
 */
record Decision(boolean admitted, int remaining, long resetSeconds) implements Serializable {
}
