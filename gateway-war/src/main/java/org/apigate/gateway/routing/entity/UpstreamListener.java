package org.apigate.gateway.routing.entity;

import java.net.URI;

/**
 * Observes every call to a service instance - failover attempts, overview branches and lookups included - for
 * metrics. Implementations must be quick and must not throw.
 */
public interface UpstreamListener {

    /**
     * @param failure why the instance gave no answer, or null when it answered (whatever the status)
     */
    void called(String service, URI instance, long nanos, UpstreamFailure.Kind failure);

    /** An instance was ejected (taken out of rotation) or came back. */
    default void ejected(String service, URI instance, boolean ejected) {
    }
}
