/**
 * Cross-origin resource sharing, answered by the gateway for every route ({@code gateway.cors.*}; off until
 * {@code gateway.cors.allowed-origins} lists an origin). A preflight is answered before authentication, so a
 * browser's {@code OPTIONS} never needs a token; actual responses to an allowed origin carry
 * {@code Access-Control-Allow-Origin} exactly once, whatever the service sent (its own {@code Access-Control-*} are
 * replaced), and {@code Vary: Origin}; a disallowed origin gets no CORS headers at all.
 */
package org.apigate.gateway.cors;
