/**
 * Where a request comes from: the client's address, scheme and host, and the gateway's public URL, trusting what a
 * request says about itself ({@code X-Forwarded-For/Proto/Host}) only when it comes from a proxy the operator listed
 * in {@code gateway.trusted-proxies}. A client can therefore neither steer the {@code Location} the gateway answers
 * (it comes from {@code gateway.public-url}, a trusted proxy's forwarded host, or the gateway's own address - never
 * from a client's {@code Host}) nor forge the address its limits are counted under.
 */
package org.apigate.gateway.origin;
