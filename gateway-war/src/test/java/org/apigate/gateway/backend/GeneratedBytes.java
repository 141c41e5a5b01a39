package org.apigate.gateway.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body of {@code size} pseudo-random bytes made while it is read (xorshift from {@code seed}), never held: large
 * uploads and downloads cost the test no memory, and both ends can produce the same bytes to compare digests.
 */
public final class GeneratedBytes extends InputStream {

    private final long size;
    private long state;
    private long position;
    private long word;

    public GeneratedBytes(long size, long seed) {
        this.size = size;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /** The SHA-256 (hex) of the {@code size} bytes {@code seed} gives. */
    public static String sha256(long size, long seed) {
        try (InputStream in = new GeneratedBytes(size, seed)) {
            return sha256Of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code in} to its end and gives the SHA-256 (hex) of what it read. */
    public static String sha256Of(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            byte[] buffer = new byte[64 * 1024];
            while (digesting.read(buffer) != -1) {
                // the digest sees every byte
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            if ((position & 7) == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                word = state;
            }
            buffer[offset + i] = (byte) (word >>> ((position & 7) << 3));
            position++;
        }
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position);
    }
}
