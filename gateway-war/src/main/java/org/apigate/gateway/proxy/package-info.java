/**
 * The reverse proxy's own stages: a client's request becomes the call to a service ({@link
 * org.apigate.gateway.proxy.Forward}: the route's upstream path, end-to-end headers, {@code X-Forwarded-*}, the body
 * streamed within its limit), and the answer becomes the client's response ({@link
 * org.apigate.gateway.proxy.Decorate}: status, end-to-end headers, the gateway's own headers, a public
 * {@code Location}; {@link org.apigate.gateway.proxy.Relay}: the body, streamed - event by event for
 * {@code text/event-stream}).
 */
package org.apigate.gateway.proxy;
