package org.apigate.system.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The access log a service's Payara Micro writes ({@code --accesslog <dir>}): one line per request that reached the
 * service's HTTP listener, e.g. {@code "127.0.0.1" "NULL-AUTH-USER" "26/Nov/2026:08:30:00 +0000"
 * "GET /user/api/users/x HTTP/1.1" 404 123}. What a line holds is the evidence that a request got through.
 */
final class AccessLog {

    private static final Pattern STATUS = Pattern.compile("\"[A-Za-z-]+ [^\"]*\" (\\d{3}) ");
    private final Path directory;
    private final Map<Path, Long> offsets = new HashMap<>();
    private final List<String> lines = new ArrayList<>();

    AccessLog(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Every line written so far; only what was added since the last call is read from disk. */
    synchronized List<String> lines() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                readNew(file);
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the whole lines added to {@code file} since it was last read (a partial last line waits). */
    private void readNew(Path file) throws IOException {
        long from = offsets.getOrDefault(file, 0L);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() <= from) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read up to the size seen
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return;
            }
            lines.addAll(List.of(text.substring(0, end).split("\n", -1)));
            offsets.put(file, from + end + 1);
        }
    }

    List<String> linesContaining(String marker) {
        return lines().stream().filter(l -> l.contains(marker)).toList();
    }

    /** Waits until a line with {@code marker} was written (the log is written by Payara's own thread). */
    boolean awaitLine(String marker, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            if (!linesContaining(marker).isEmpty()) {
                return true;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    /**
     * The lines from index {@code from} on whose status is 500: a fault of the service itself (its documented 5xx,
     * such as the order service's 503 for an unavailable dependency, are not).
     */
    List<String> internalErrorsFrom(int from) {
        List<String> all = lines();
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(l -> {
            Matcher m = STATUS.matcher(l);
            return m.find() && m.group(1).equals("500");
        }).toList();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
