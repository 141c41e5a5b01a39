package org.apigate.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests no well-behaved client sends (CRLF inside a header value,
 * two Content-Length headers, Content-Length with chunked, an unnormalised path): the JDK client refuses or rewrites
 * them. Only the first response is read; a server that closes without answering gives status -1.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3})");

    private RawHttp() {
    }

    /** Sends {@code request} (head and body, CRLFs included) to 127.0.0.1:{@code port}. */
    static Reply send(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            write(socket, request);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + abbreviate(request), e);
        }
    }

    /**
     * Sends {@code request} on one connection and reads every response the server gives until it closes or stays
     * silent for {@code quietMillis}: a smuggled second request would show as a second status line.
     */
    static List<Integer> sendAll(int port, String request, int quietMillis) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(quietMillis);
            write(socket, request);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(bytes);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // silence or a reset ends what the server had to say
            }
            List<Integer> statuses = new ArrayList<>();
            Matcher status = STATUS_LINE.matcher(bytes.toString(StandardCharsets.ISO_8859_1));
            while (status.find()) {
                statuses.add(Integer.parseInt(status.group(1)));
            }
            return statuses;
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + abbreviate(request), e);
        }
    }

    /**
     * Writes the request; a server that answers and closes before it has read everything (a header block over its
     * limit) makes the rest of the write fail, which is not an error here: its answer is still there to be read.
     */
    private static void write(Socket socket, String request) {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException refusedMidway) {
            // read what the server answered
        }
    }

    /** A GET with the given extra header lines (each without CRLF) and {@code Connection: close}. */
    static String get(String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived before the timeout or reset is the answer; nothing at all is status -1
        }
        return Reply.parse(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /** Whether the text holds one whole response (head, then a body of Content-Length or a last chunk). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        String body = text.substring(end + 4);
        int at = head.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int lineEnd = head.indexOf("\r\n", at + 2);
            String value = head.substring(at + 17, lineEnd < 0 ? head.length() : lineEnd).strip();
            return body.length() >= Integer.parseInt(value);
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return body.contains("0\r\n\r\n");
        }
        return false;
    }

    static String abbreviate(String request) {
        String shown = request.length() > 300 ? request.substring(0, 300) + "...(" + request.length() + " chars)"
                : request;
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The first response: status -1 when the server closed the connection without one. */
    record Reply(int status, String head, String body) {

        static Reply parse(String text) {
            if (!text.startsWith("HTTP/1.")) {
                return new Reply(-1, text, "");
            }
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            return new Reply(Integer.parseInt(text.substring(9, 12)), head, end < 0 ? "" : text.substring(end + 4));
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + abbreviate(head) + " " + abbreviate(body);
        }
    }
}
