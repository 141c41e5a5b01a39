package org.apigate.gateway.exchange;

import java.nio.charset.StandardCharsets;

/**
 * The canonical encoding of decoded path segments and query parts (RFC 3986): unreserved characters and a few
 * harmless delimiters stay as they are, every other byte of the UTF-8 form becomes {@code %XX} with upper-case hex.
 * A path keeps {@code !$'()*+,=:@} literal; a query part also {@code /?}, and encodes {@code +} and space (a form
 * reader would take {@code +} for a space).
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] SEGMENT = allowed("!$'()*+,=:@");
    private static final boolean[] QUERY = allowed("!$'()*,:@/?");

    private PercentEncoding() {
    }

    static void appendSegment(StringBuilder out, String decoded) {
        append(out, decoded, SEGMENT);
    }

    static void appendQueryPart(StringBuilder out, String decoded) {
        append(out, decoded, QUERY);
    }

    private static void append(StringBuilder out, String decoded, boolean[] literal) {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x80 && literal[c]) {
                out.append(c);
            } else if (c < 0x80) {
                escape(out, c);
            } else {
                // a non-ASCII character (or a surrogate pair): its UTF-8 bytes, each escaped
                int end = Character.isHighSurrogate(c) && i + 1 < decoded.length() ? i + 2 : i + 1;
                for (byte b : decoded.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    escape(out, b & 0xff);
                }
                i = end - 1;
            }
        }
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }

    private static boolean[] allowed(String delimiters) {
        boolean[] allowed = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            allowed[c] = true;
            allowed[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            allowed[c] = true;
        }
        for (char c : ("-._~" + delimiters).toCharArray()) {
            allowed[c] = true;
        }
        return allowed;
    }
}
