package org.apigate.common.json;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WholeNumberTest {

    static Integer read(String json) {
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            parser.next();
            return new WholeNumber().deserialize(parser, null, Integer.class);
        }
    }

    @Test
    void readsWholeNumbersInAnyNotation() {
        assertEquals(5, read("5"));
        assertEquals(-3, read("-3"));
        assertEquals(2, read("2.0"));
        assertEquals(1000, read("1e3"));
        assertEquals(Integer.MAX_VALUE, read(String.valueOf(Integer.MAX_VALUE)));
    }

    @Test
    void leavesNullToNotNull() {
        assertNull(read("null"));
    }

    @Test
    void refusesFractionsNumbersOutOfRangeAndNonNumbers() {
        assertThrows(JsonbException.class, () -> read("1.5"));
        assertThrows(JsonbException.class, () -> read("2147483648"));
        assertThrows(JsonbException.class, () -> read("1e100"));
        assertThrows(JsonbException.class, () -> read("\"5\""));
        assertThrows(JsonbException.class, () -> read("true"));
        assertThrows(JsonbException.class, () -> read("{}"));
    }
}
