package org.apigate.gateway.routing.entity;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a call to a service: none, bytes held in memory, or a stream read while it is sent (a client's upload
 * passes through without being held whole). A stream can be sent once; whether it was touched tells whether another
 * attempt may still send it.
 */
public final class RequestBody {

    public static final RequestBody NONE = new RequestBody((byte[]) null, 0);

    private final InputStream stream;
    private final long length;
    private final byte[] bytes;
    private boolean touched;
    private boolean failed;

    private RequestBody(byte[] bytes, long length) {
        this.bytes = bytes;
        this.length = length;
        this.stream = null;
    }

    private RequestBody(InputStream stream, long length) {
        this.bytes = null;
        this.length = length;
        this.stream = new FilterInputStream(stream) {
            @Override
            public int read() throws IOException {
                touched = true;
                try {
                    return super.read();
                } catch (IOException e) {
                    failed = true;
                    throw e;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                touched = true;
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    failed = true;
                    throw e;
                }
            }
        };
    }

    public static RequestBody of(byte[] bytes) {
        return bytes.length == 0 ? NONE : new RequestBody(bytes, bytes.length);
    }

    /** @param length the declared length, or -1 when unknown (sent chunked) */
    public static RequestBody streamed(InputStream stream, long length) {
        return new RequestBody(stream, length);
    }

    public boolean isEmpty() {
        return length == 0 && stream == null;
    }

    /** The length to declare, or -1 to send it chunked. */
    public long length() {
        return length;
    }

    /** Whether it can (still) be sent: bytes always, a stream only until its first byte was read. */
    public boolean sendable() {
        return stream == null || !touched;
    }

    /** Whether reading the client's body failed (the client went away, or the body exceeded its limit). */
    public boolean failed() {
        return failed;
    }

    /** The content to send. */
    public InputStream content() {
        return stream != null ? stream : new ByteArrayInputStream(bytes == null ? new byte[0] : bytes);
    }
}
