package org.apigate.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import org.apigate.gateway.exchange.BodyReader;
import org.apigate.gateway.routing.entity.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * The client's request body as it goes on to the service, within its limit (-1: none): bytes already read by a rule
 * that judged them; else the stream, read while it is sent. A declared length over the limit is refused before
 * anything is sent; a chunked body is read ahead by up to {@value #READ_AHEAD} bytes, so a small one goes on whole
 * (with its length) and one over a small limit is refused before any service sees a byte of it; a longer one fails
 * once it passes the limit ({@link #exceeded()}), which the forward then answers with 413.
 */
final class ClientBody {

    static final int READ_AHEAD = 64 * 1024;

    private final RequestBody body;
    private final Limited limited;

    private ClientBody(RequestBody body, Limited limited) {
        this.body = body;
        this.limited = limited;
    }

    /**
     * @param buffered the body as a rule read it, or null when it is still to be read
     * @throws org.apigate.common.problem.ProblemException 413 when the body is known to be too large already
     */
    static ClientBody of(HttpServletRequest request, long limit, byte[] buffered) throws IOException {
        if (buffered != null) {
            return new ClientBody(RequestBody.of(buffered), null);
        }
        long declared = request.getContentLengthLong();
        if (!(declared > 0 || request.getHeader("Transfer-Encoding") != null)) {
            return new ClientBody(RequestBody.NONE, null); // RFC 9112 §6.3: no length, not chunked: no body
        }
        if (limit >= 0 && declared > limit) {
            throw BodyReader.tooLarge(limit);
        }
        InputStream content = request.getInputStream();
        if (declared < 0) {
            int ahead = limit < 0 ? READ_AHEAD : (int) Math.min(limit + 1, READ_AHEAD);
            byte[] head = content.readNBytes(ahead);
            if (limit >= 0 && head.length > limit) {
                throw BodyReader.tooLarge(limit);
            }
            if (head.length < ahead) {
                return new ClientBody(RequestBody.of(head), null);
            }
            content = new SequenceInputStream(new ByteArrayInputStream(head), content);
        }
        Limited limited = new Limited(content, limit);
        return new ClientBody(RequestBody.streamed(limited, declared), limited);
    }

    RequestBody body() {
        return body;
    }

    /** Whether sending failed because the body passed its limit. */
    boolean exceeded() {
        return limited != null && limited.exceeded;
    }

    /** The client's body, failing once more than {@code limit} bytes were read. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;
        private boolean exceeded;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (limit >= 0 && read > limit) {
                exceeded = true;
                throw new IOException("The request body exceeds " + limit + " bytes");
            }
        }
    }
}
