package org.apigate.common.requestid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @Test
    void keepsAWellFormedId() {
        assertEquals("abc-123_x.y", RequestId.acceptOrGenerate("abc-123_x.y"));
    }

    @Test
    void replacesMissingOverlongOrInjectingIds() {
        String generated = RequestId.acceptOrGenerate(null);
        assertTrue(generated.matches("[0-9a-f-]{36}"));
        assertNotEquals("a\r\nSet-Cookie: x", RequestId.acceptOrGenerate("a\r\nSet-Cookie: x"));
        assertNotEquals("with space", RequestId.acceptOrGenerate("with space"));
        String overlong = "a".repeat(129);
        assertNotEquals(overlong, RequestId.acceptOrGenerate(overlong));
    }
}
