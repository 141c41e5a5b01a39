package org.apigate.common.requestid;

import jakarta.servlet.ServletRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/** Where the current request's id lives (a request attribute) and what a well-formed one looks like. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestId.class.getName();

    /** Printable, no spaces or separators that could split a log line or a header: at most 128 characters. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:@+=-]{1,128}");

    private RequestId() {
    }

    /** The client's id when it is well-formed, otherwise a fresh one. */
    public static String acceptOrGenerate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request being served, or null outside a request that went through {@link RequestIdFilter}. */
    public static String of(ServletRequest request) {
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE);
    }
}
