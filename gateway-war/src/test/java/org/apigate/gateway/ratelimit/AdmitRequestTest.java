package org.apigate.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import javax.cache.processor.MutableEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry processor against an in-memory entry: what it reads, decides and writes. */
class AdmitRequestTest {

    /** A cache entry of one key, counting the writes. */
    static final class FakeEntry implements MutableEntry<String, long[]> {

        long[] value;
        int writes;

        @Override
        public boolean exists() {
            return value != null;
        }

        @Override
        public void remove() {
            value = null;
            writes++;
        }

        @Override
        public void setValue(long[] value) {
            this.value = value;
            writes++;
        }

        @Override
        public String getKey() {
            return "burst:alice";
        }

        @Override
        public long[] getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException("no provider entry behind " + type);
        }
    }

    final AdmitRequest admit = new AdmitRequest(new Quota("burst", 2, 60));
    final FakeEntry entry = new FakeEntry();

    @Test
    void createsTheEntryAtTheFirstRequest() {
        assertEquals(new Decision(true, 1, 63), admit.process(entry, 0));

        assertEquals(1, entry.writes);
        assertEquals(SubWindowCounts.STATE_LENGTH, entry.value.length, "a long[], N + 2 of them");
    }

    @Test
    void writesEveryAdmissionAndNoRefusal() {
        admit.process(entry, 0);
        assertEquals(new Decision(true, 0, 62), admit.process(entry, 1_000));
        long[] full = entry.value;
        long[] asWritten = full.clone();

        assertEquals(new Decision(false, 0, 60), admit.process(entry, 3_000));
        assertEquals(new Decision(false, 0, 60), admit.process(entry, 3_000));

        assertEquals(2, entry.writes, "refusals leave the entry and its expiry alone");
        assertSame(full, entry.value);
        assertArrayEquals(asWritten, full);
    }

    @Test
    void neverChangesTheValueItReadInPlace() {
        admit.process(entry, 0);
        long[] read = entry.value;
        long[] asRead = read.clone();

        admit.process(entry, 1_000);

        assertArrayEquals(asRead, read, "the value read may be the cache's own copy");
        assertEquals(2, entry.writes);
    }

    @Test
    void startsAfreshWhenTheEntryExpired() {
        admit.process(entry, 0);
        admit.process(entry, 0);
        entry.remove(); // expired a window after its last change

        assertEquals(new Decision(true, 1, 63), admit.process(entry, 60_000), "bucket 0 is in the span, but gone");
    }

    @Test
    void travelsToTheOwningMemberIntact() throws IOException, ClassNotFoundException {
        AdmitRequest received = roundTrip(new AdmitRequest(new Quota("burst", 1, 1)));

        assertEquals(new Decision(true, 0, 2), received.process(entry, 0), "q=1 per 1 s arrived with it");
        assertFalse(received.process(entry, 999).admitted());
        assertTrue(received.process(entry).admitted(), "the owner's clock, far past the first request");
    }

    private static AdmitRequest roundTrip(AdmitRequest processor) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(processor);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (AdmitRequest) in.readObject();
        }
    }
}
