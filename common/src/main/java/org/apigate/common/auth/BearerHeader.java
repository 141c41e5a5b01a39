package org.apigate.common.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/**
 * The bearer token of a request's {@code Authorization} header, before anything verifies it:
 * <ul>
 *   <li>exactly one {@code Authorization} header - with two, which one a proxy or a service would read is anyone's
 *       guess, so the request is refused;</li>
 *   <li>the scheme is matched case-insensitively ({@code bearer} works), as RFC 9110 section 11.1 requires;</li>
 *   <li>any other scheme ({@code Basic ...}) is not a bearer token: the request counts as carrying none.</li>
 * </ul>
 */
public final class BearerHeader {

    static final String AUTHORIZATION = "Authorization";
    static final String SCHEME = "Bearer";

    private BearerHeader() {
    }

    /** The bearer token of the request, or null when it sent no bearer credentials. */
    public static String tokenOf(HttpServletRequest request) throws TokenRefusedException {
        List<String> headers = Collections.list(request.getHeaders(AUTHORIZATION));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw new TokenRefusedException("Send exactly one Authorization header.");
        }
        String header = headers.get(0).strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw new TokenRefusedException("The Authorization header carries no bearer token.");
        }
        return token;
    }
}
