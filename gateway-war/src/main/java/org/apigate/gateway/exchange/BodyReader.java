package org.apigate.gateway.exchange;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, never more than the limit: a larger body is a 413 problem. */
public final class BodyReader {

    private BodyReader() {
    }

    /**
     * @param declared the Content-Length, or -1 when the body is chunked: checked before reading a byte, and the bytes
     *                 are counted while reading as well, since a declared length is only a claim
     * @param limit    the most bytes accepted; -1 for no limit
     */
    public static byte[] read(InputStream body, long declared, long limit) throws IOException {
        if (limit >= 0 && declared > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 65536) : 512);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
            total += n;
            if (limit >= 0 && total > limit) {
                throw tooLarge(limit);
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.typed(413, "content-too-large", "Content Too Large",
                "The request body is larger than the gateway forwards (" + limit + " bytes)."));
    }
}
