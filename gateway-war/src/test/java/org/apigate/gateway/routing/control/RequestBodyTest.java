package org.apigate.gateway.routing.control;

import org.apigate.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodyTest {

    @Test
    void readsABodyUpToTheLimit() {
        byte[] body = new byte[100];
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(body), 100, 100));
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(body), -1, 100));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared length was too large");
            }
        };
        assertEquals(413, assertThrows(ProblemException.class, () -> RequestBody.read(unread, 101, 100))
                .problem().status());
    }

    @Test
    void countsWhileReadingWhenTheLengthIsUnknownOrUnderstated() {
        byte[] body = new byte[101];
        assertEquals(413, assertThrows(ProblemException.class,
                () -> RequestBody.read(new ByteArrayInputStream(body), -1, 100)).problem().status());
        assertEquals(413, assertThrows(ProblemException.class,
                () -> RequestBody.read(new ByteArrayInputStream(body), 10, 100)).problem().status());
    }

    @Test
    void aBodyThatCannotBeReadIsABadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        };
        assertEquals(400, assertThrows(ProblemException.class, () -> RequestBody.read(broken, -1, 100))
                .problem().status());
    }
}
