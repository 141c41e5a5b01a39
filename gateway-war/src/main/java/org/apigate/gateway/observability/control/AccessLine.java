package org.apigate.gateway.observability.control;

/**
 * One access-log line in logfmt, e.g.
 * {@code id=3f2a… trace=4bf9… sub=alice route=orders method=GET path=/api/orders/7 status=200 upstream_ms=12.4
 * total_ms=14.9}: the request id, the W3C trace id, the caller's subject, the route, method, path as sent, status
 * and times. Values are written as they are, except that characters which could split or forge a line (spaces, control
 * characters, quotes, backslashes, non-ASCII) are percent-encoded; a missing value is {@code -}. Times are
 * milliseconds with one decimal; {@code upstream_ms} is the time spent in calls to services ({@code -} when none
 * was made).
 */
public final class AccessLine {

    static final String NONE = "-";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AccessLine() {
    }

    /**
     * @param upstreamNanos time in upstream calls, negative when none was made
     */
    public static String format(String requestId, String traceId, String subject, String route, String method,
                                String path, int status, long upstreamNanos, long totalNanos) {
        StringBuilder line = new StringBuilder(200);
        field(line, "id", requestId).append(' ');
        field(line, "trace", traceId).append(' ');
        field(line, "sub", subject).append(' ');
        field(line, "route", route).append(' ');
        field(line, "method", method).append(' ');
        field(line, "path", path).append(' ');
        line.append("status=").append(status).append(' ');
        millis(line.append("upstream_ms="), upstreamNanos).append(' ');
        millis(line.append("total_ms="), totalNanos);
        return line.toString();
    }

    private static StringBuilder field(StringBuilder line, String key, String value) {
        line.append(key).append('=');
        if (value == null || value.isEmpty()) {
            return line.append(NONE);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\') {
                line.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                line.append(c);
            }
        }
        return line;
    }

    private static StringBuilder millis(StringBuilder line, long nanos) {
        if (nanos < 0) {
            return line.append(NONE);
        }
        long tenths = (nanos + 50_000) / 100_000;
        return line.append(tenths / 10).append('.').append(tenths % 10);
    }
}
