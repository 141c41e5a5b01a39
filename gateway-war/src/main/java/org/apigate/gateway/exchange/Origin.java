package org.apigate.gateway.exchange;

import java.net.URI;

/**
 * Where a request comes from, as far as the gateway can trust it: the client's address, the scheme and host it
 * used, the {@code X-Forwarded-For} chain to pass on, and the public URL the client reaches the gateway at. What a
 * client sent itself ({@code X-Forwarded-*}, {@code Host}) counts only when it is one of the trusted proxies.
 *
 * @param client       the address of the client (for limits per address)
 * @param forwardedFor the {@code X-Forwarded-For} value to send upstream
 * @param proto        the scheme the client used, {@code http} or {@code https}
 * @param host         the host (and port) the client addressed, for {@code X-Forwarded-Host}
 * @param publicBase   the gateway's public URL as the client sees it, for {@code Location}
 */
public record Origin(String client, String forwardedFor, String proto, String host, URI publicBase) {
}
