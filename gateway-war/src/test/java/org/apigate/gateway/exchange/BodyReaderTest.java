package org.apigate.gateway.exchange;

import org.apigate.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a request body into memory: never more than the limit, whatever the body claims. */
class BodyReaderTest {

    static final InputStream UNREADABLE = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("read although the declared length was too large");
        }
    };

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        byte[] body = new byte[100];
        assertArrayEquals(body, BodyReader.read(new ByteArrayInputStream(body), 100, 100));
        assertArrayEquals(body, BodyReader.read(new ByteArrayInputStream(body), -1, 100));
        assertArrayEquals(new byte[0], BodyReader.read(new ByteArrayInputStream(new byte[0]), 0, 0));
    }

    @Test
    void readsAnyBodyWithoutALimit() throws IOException {
        byte[] body = new byte[100_000];
        body[99_999] = 7;
        assertArrayEquals(body, BodyReader.read(new ByteArrayInputStream(body), -1, -1));
        assertArrayEquals(body, BodyReader.read(new ByteArrayInputStream(body), 100_000, -1));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        ProblemException e = assertThrows(ProblemException.class, () -> BodyReader.read(UNREADABLE, 101, 100));

        assertEquals(413, e.problem().status());
        assertTrue(e.problem().type().endsWith("content-too-large"), e.problem().type());
        assertTrue(e.problem().detail().contains("100 bytes"), e.problem().detail());
    }

    @Test
    void countsWhileReadingWhenTheLengthIsUnknownOrUnderstated() {
        byte[] body = new byte[101];
        assertEquals(413, assertThrows(ProblemException.class,
                () -> BodyReader.read(new ByteArrayInputStream(body), -1, 100)).problem().status());
        assertEquals(413, assertThrows(ProblemException.class,
                () -> BodyReader.read(new ByteArrayInputStream(body), 10, 100)).problem().status());
    }

    @Test
    void aBodyThatCannotBeReadIsTheClientsConnectionFailing() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        };
        assertThrows(IOException.class, () -> BodyReader.read(broken, -1, 100));
    }
}
