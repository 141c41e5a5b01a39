package org.apigate.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.List;

/**
 * The bearer token of a request's {@code Authorization} header, checked before anything verifies it.
 * <ul>
 *   <li>Exactly one {@code Authorization} header: with two, which one a proxy or a service would read is anyone's
 *       guess, so the request is refused.</li>
 *   <li>The scheme is matched case-insensitively ({@code bearer} works), as RFC 9110 section 11.1 requires; the
 *       platform mechanism only knows {@code "Bearer "}, so it is handed a canonical header.</li>
 *   <li>At most {@value #MAX_TOKEN_LENGTH} characters: a larger token is refused unverified (a generous bound: a
 *       token with a few dozen groups stays under 2 KiB; the HTTP listener itself rejects header blocks over about
 *       8 KiB).</li>
 * </ul>
 * Any other scheme ({@code Basic ...}) is not a bearer token: the request counts as carrying none.
 */
record BearerHeader(String token) {

    static final String AUTHORIZATION = "Authorization";
    static final String SCHEME = "Bearer";
    static final int MAX_TOKEN_LENGTH = 4096;

    /** The bearer token of the request, or null when it sent no bearer credentials. */
    static BearerHeader of(HttpServletRequest request) throws InvalidTokenException {
        List<String> headers = Collections.list(request.getHeaders(AUTHORIZATION));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw new InvalidTokenException("Send exactly one Authorization header.");
        }
        String header = headers.get(0).strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw new InvalidTokenException("The Authorization header carries no bearer token.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("The bearer token is longer than " + MAX_TOKEN_LENGTH + " characters.");
        }
        return new BearerHeader(token);
    }

    /** The request as the platform mechanism expects it: one header, {@code "Bearer <token>"}. */
    HttpServletRequest canonical(HttpServletRequest request) {
        String canonical = SCHEME + " " + token;
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? canonical : super.getHeader(name);
            }
        };
    }
}
