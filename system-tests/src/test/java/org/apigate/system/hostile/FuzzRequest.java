package org.apigate.system.hostile;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One generated request: where it goes, and everything needed to send it again. {@link #toString()} is the replay
 * (with the seed and index that regenerate it); bodies over 2 KB are shown shortened.
 *
 * @param target  which instance it is sent to
 * @param index   its number in the target's sequence of the seed
 * @param method  any token, including odd ones
 * @param path    path and query, already percent-encoded
 * @param headers name, value pairs
 * @param body    the body, empty for none
 */
record FuzzRequest(Target target, int index, String method, String path, List<String> headers, byte[] body) {

    /** The instances fuzzed, and the path prefix each one's routes start with. */
    enum Target {
        GATEWAY(""), USER("/user"), ORDER("/order"), INVENTORY("/inventory");

        final String contextRoot;

        Target(String contextRoot) {
            this.contextRoot = contextRoot;
        }
    }

    HttpRequest toHttpRequest(String baseUrl, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        String shown = text.length() > 2048 ? text.substring(0, 2048) + "...(" + body.length + " bytes)" : text;
        StringBuilder headerLines = new StringBuilder();
        for (int i = 0; i < headers.size(); i += 2) {
            String value = headers.get(i + 1);
            headerLines.append("\n  ").append(headers.get(i)).append(": ")
                    .append(value.length() > 200 ? value.substring(0, 200) + "..." : value);
        }
        return target + " #" + index + ": " + method + " " + path + headerLines + "\n  body: " + shown;
    }
}
