package org.apigate.gateway.proxy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apigate.gateway.backend.Await;
import org.apigate.gateway.backend.GatewayArchive;
import org.apigate.gateway.backend.GeneratedBytes;
import org.apigate.gateway.backend.RouteConfig;
import org.apigate.gateway.backend.StreamingBackend;
import org.apigate.testing.Loopback;
import org.apigate.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamed bodies on real Payara Micro running with {@code -Xmx512m} (its own Arquillian container): a 300 MiB upload
 * - with a Content-Length and chunked - and a 300 MiB download pass through whole and unchanged (SHA-256 at both
 * ends), made and checked on the fly on this side too; server-sent events reach the client one by one while the
 * service is still sending; a stalled stream ends after the route's timeout; and a body over a route's limit is
 * refused (413) or cut off, whether its length is declared or not.
 */
@ExtendWith(ArquillianExtension.class)
class StreamingIT {

    static final long MIB = 1024 * 1024;
    static final long LARGE = 300 * MIB;
    static final long LIMIT = MIB;
    static final long READ_AHEAD = 64 * 1024;
    /** Well under the 512 MiB heap, and less than a body held whole on top of the server's own ~100 MiB. */
    static final long HEAP_CEILING = 384 * MIB;
    static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(StreamingIT.class.getName());

    static final StreamingBackend BACKEND = StreamingBackend.start();
    static final String CUSTOMER = "Bearer " + Tokens.customer("streaming-customer");
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-512m")
    static WebArchive gateway() {
        return GatewayArchive.withConfig(RouteConfig.routes()
                .route("files", "/api/files", "files", "max-body-bytes", "-1", "timeout", "PT10S")
                .route("events", "/api/events", "files", "max-body-bytes", "-1", "timeout", EVENTS_TIMEOUT.toString())
                .route("limited", "/api/limited", "files", "max-body-bytes", String.valueOf(LIMIT))
                .service("files", BACKEND.url("/files"))
                .toMap());
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @ArquillianResource
    URL base;

    String gateway;
    String id;

    @BeforeEach
    void locate() {
        gateway = Loopback.deployment(base, "");
        id = "it-" + UUID.randomUUID();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", CUSTOMER).header("X-Request-Id", id);
    }

    /** A body's length and SHA-256 (hex). */
    record Digested(long bytes, String sha256) {

        static Digested of(InputStream body) throws IOException {
            MessageDigest digest = GeneratedBytes.sha256();
            long bytes = 0;
            try (InputStream in = new DigestInputStream(body, digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    bytes += n;
                }
            }
            return new Digested(bytes, HexFormat.of().formatHex(digest.digest()));
        }
    }

    static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / (double) MIB);
    }

    static double mibPerSecond(long bytes, Duration took) {
        return bytes / (double) MIB / (took.toMillis() / 1000.0);
    }

    @Test
    void passesA300MiBUploadWithItsLengthAndChunkedThroughASmallHeap() throws Exception {
        long maxHeap = GatewayHeap.max(gateway);
        assertTrue(maxHeap <= 512 * MIB, () -> "the gateway runs with -Xmx512m, its heap may grow to " + maxHeap);
        for (boolean chunked : List.of(false, true)) {
            id = "it-" + UUID.randomUUID();
            MessageDigest sent = GeneratedBytes.sha256();
            BodyPublisher generated = BodyPublishers.ofInputStream(
                    () -> new DigestInputStream(new GeneratedBytes(LARGE, 11), sent));
            long start = System.nanoTime();
            HttpResponse<String> reply;
            long peak;
            try (GatewayHeap heap = GatewayHeap.watch(gateway)) {
                reply = CLIENT.send(request("/api/files/upload")
                        .POST(chunked ? generated : BodyPublishers.fromPublisher(generated, LARGE)).build(),
                        BodyHandlers.ofString());
                peak = heap.peakUsed();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(200, reply.statusCode(), reply::body);
            JsonObject received = Json.createReader(new StringReader(reply.body())).readObject();
            assertEquals(LARGE, received.getJsonNumber("bytes").longValue(), "the service got every byte");
            assertEquals(HexFormat.of().formatHex(sent.digest()), received.getString("sha256"), "and the same ones");
            String how = chunked ? "chunked" : "with Content-Length";
            long peakUsed = peak;
            LOG.info(() -> String.format("Upload of %s %s: %d ms (%.0f MiB/s); gateway heap used at most %s of %s",
                    mib(LARGE), how, took.toMillis(), mibPerSecond(LARGE, took), mib(peakUsed), mib(maxHeap)));
            assertTrue(peakUsed < HEAP_CEILING, () -> "the gateway's heap stays small: " + mib(peakUsed));
        }
    }

    @Test
    void passesA300MiBDownloadThroughASmallHeap() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> reply;
        Digested received;
        long peak;
        try (GatewayHeap heap = GatewayHeap.watch(gateway)) {
            reply = CLIENT.send(request("/api/files/download?bytes=" + LARGE + "&seed=23").GET().build(),
                    BodyHandlers.ofInputStream());
            assertEquals(200, reply.statusCode());
            received = Digested.of(reply.body());
            peak = heap.peakUsed();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(LARGE, reply.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals(LARGE, received.bytes());
        assertEquals(GeneratedBytes.sha256(LARGE, 23), received.sha256());
        LOG.info(() -> String.format("Download of %s: %d ms (%.0f MiB/s); gateway heap used at most %s of %s",
                mib(LARGE), took.toMillis(), mibPerSecond(LARGE, took), mib(peak), mib(GatewayHeap.max(gateway))));
        assertTrue(peak < HEAP_CEILING, () -> "the gateway's heap stays small: " + mib(peak));
    }

    @Test
    void forwardsServerSentEventsOneByOneWhileTheServiceIsStillSending() throws Exception {
        int count = 7;
        long start = System.nanoTime();
        HttpResponse<InputStream> reply = CLIENT.send(request("/api/events/events?count=" + count
                + "&interval-ms=500").GET().build(), BodyHandlers.ofInputStream());
        assertEquals(200, reply.statusCode());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Long> arrived = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(reply.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data: ")) {
                    arrived.add(System.nanoTime());
                    events.add(line.substring("data: ".length()));
                }
            }
        }
        List<Long> sent = BACKEND.eventsSent(id);

        assertEquals(IntStream.rangeClosed(1, count).mapToObj(i -> "event " + i).toList(), events);
        assertEquals(count, sent.size());
        List<Long> delays = IntStream.range(0, count).mapToObj(i -> (arrived.get(i) - sent.get(i)) / 1_000_000)
                .toList();
        Duration streamed = Duration.ofNanos(sent.get(count - 1) - sent.get(0));
        LOG.info(() -> String.format("Events: the first after %d ms from the request; each %s ms after the service "
                + "sent it; the stream lasted %d ms", (arrived.get(0) - start) / 1_000_000, delays,
                streamed.toMillis()));
        assertTrue(delays.get(0) < 1000, () -> "the first event within 1 s of being sent: " + delays);
        assertTrue(arrived.get(0) < sent.get(count - 1), "the first event arrived before the last was sent");
        assertTrue(streamed.compareTo(Duration.ofMillis(2500)) >= 0, streamed::toString);
    }

    /** How a streamed answer ended for the client: its text, when its first byte and its end came, and how. */
    record Ending(String text, long firstNanos, long endNanos, String how) {

        static Ending of(InputStream body) {
            StringBuilder text = new StringBuilder();
            long first = 0;
            String how = "clean end of stream";
            byte[] buffer = new byte[1024];
            try (body) {
                for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                    first = first == 0 ? System.nanoTime() : first;
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                how = "connection closed: " + e;
            }
            return new Ending(text.toString(), first, System.nanoTime(), how);
        }
    }

    @Test
    void endsAStalledStreamAfterTheRoutesTimeout() throws Exception {
        HttpResponse<InputStream> reply = CLIENT.send(request("/api/events/stall").GET().build(),
                BodyHandlers.ofInputStream());
        assertEquals(200, reply.statusCode());
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Ending ending;
        try {
            Future<Ending> read = reader.submit(() -> Ending.of(reply.body()));
            ending = read.get(EVENTS_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
        } finally {
            reply.body().close();
            reader.shutdownNow();
        }

        assertTrue(ending.text().contains("data: event 1"), ending::toString);
        Duration stalled = Duration.ofNanos(ending.endNanos() - ending.firstNanos());
        LOG.info(() -> "A stalled stream ended " + stalled.toMillis() + " ms after its one event (route timeout "
                + EVENTS_TIMEOUT + "): " + ending.how());
        assertTrue(stalled.compareTo(EVENTS_TIMEOUT.minusMillis(500)) >= 0, () -> "not before the timeout: " + stalled);
        assertTrue(stalled.compareTo(EVENTS_TIMEOUT.plusSeconds(3)) <= 0, () -> "soon after the timeout: " + stalled);
    }

    @Test
    void refusesADeclaredBodyOverTheRoutesLimitWith413() throws Exception {
        BodyPublisher tooLarge = BodyPublishers.fromPublisher(
                BodyPublishers.ofInputStream(() -> new GeneratedBytes(LIMIT + 1, 3)), LIMIT + 1);

        HttpResponse<String> reply = CLIENT.send(request("/api/limited/upload").POST(tooLarge).build(),
                BodyHandlers.ofString());

        assertEquals(413, reply.statusCode(), reply::body);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertNull(BACKEND.upload(id), "nothing reached the service");
    }

    @Test
    void cutsOffAChunkedBodyOnceItPassesTheRoutesLimit() throws Exception {
        long size = 16 * MIB;
        String outcome;
        try {
            HttpResponse<String> reply = CLIENT.send(request("/api/limited/upload")
                    .POST(BodyPublishers.ofInputStream(() -> new GeneratedBytes(size, 5))).build(),
                    BodyHandlers.ofString());
            assertEquals(413, reply.statusCode(), reply::body);
            outcome = "413";
        } catch (IOException e) {
            outcome = "connection closed: " + e;
        }

        Await.until(Duration.ofSeconds(10), () -> BACKEND.upload(id) != null && BACKEND.upload(id).ended(),
                "the service's side of the upload ended");
        StreamingBackend.Upload upload = BACKEND.upload(id);
        String client = outcome;
        LOG.info(() -> "A chunked " + mib(size) + " body on a route limited to " + mib(LIMIT) + ": the client got "
                + client + "; the service got " + upload.bytes() + " bytes");
        assertFalse(upload.complete(), "the service never gets the whole body");
        assertTrue(upload.bytes() <= LIMIT + READ_AHEAD, () -> "at most the limit and a buffer: " + upload);
    }
}
