package org.apigate.gateway.routing.control;

import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, never more than the limit: a larger body is a 413 problem. */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * @param declared the Content-Length, or -1 when the body is chunked: checked before reading a byte, and the
     *                 bytes are counted while reading as well, since a declared length is only a claim
     */
    static byte[] read(InputStream body, long declared, long limit) {
        if (declared > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The request body could not be read."));
        }
        return bytes.toByteArray();
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.typed(413, "content-too-large", "Content Too Large",
                "The request body is larger than the gateway forwards (" + limit + " bytes)."));
    }
}
