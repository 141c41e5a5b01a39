package org.apigate.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A black-box HTTP client for tests: plain JDK client, JSON bodies, a bounded timeout on every call. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    public static Reply get(String url, String... headers) {
        return send(request(url, headers).GET());
    }

    public static Reply delete(String url, String... headers) {
        return send(request(url, headers).DELETE());
    }

    public static Reply post(String url, String json, String... headers) {
        return send(request(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply put(String url, String json, String... headers) {
        return send(request(url, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, body and headers, for the bad paths (wrong content types, odd methods). */
    public static Reply send(String method, String url, String body, String... headers) {
        return send(request(url, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Calls that carry {@code Authorization: Bearer <token>}, e.g. {@code Http.as(Tokens.admin("ops")).get(url)}. */
    public static Authorized as(String token) {
        return new Authorized("Bearer " + token);
    }

    public static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The calls of {@link Http} with one caller's {@code Authorization} header added to each. */
    public record Authorized(String authorization) {

        public Reply get(String url, String... headers) {
            return Http.get(url, with(headers));
        }

        public Reply delete(String url, String... headers) {
            return Http.delete(url, with(headers));
        }

        public Reply post(String url, String json, String... headers) {
            return Http.post(url, json, with(headers));
        }

        public Reply put(String url, String json, String... headers) {
            return Http.put(url, json, with(headers));
        }

        public Reply send(String method, String url, String body, String... headers) {
            return Http.send(method, url, body, with(headers));
        }

        /** The header pair, e.g. to add it to a request built by hand. */
        public String[] header() {
            return new String[] {"Authorization", authorization};
        }

        private String[] with(String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = "Authorization";
            all[1] = authorization;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return all;
        }
    }

    /** A response with convenient access to its JSON body. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray jsonArray() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + response.headers().map() + " " + body();
        }
    }
}
