package org.apigate.common.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads an {@code Integer} property only from a JSON number that is whole and in range. JSON-B's own reading
 * truncates {@code 1.5} to {@code 1} and accepts strings: a quantity of 1.5 must be refused, not quietly become 1.
 * Put {@code @JsonbTypeDeserializer(WholeNumber.class)} on the property; a refusal is a {@link JsonbException},
 * which {@code MalformedJsonMapper} answers with 400. JSON {@code null} stays null, for {@code @NotNull} to report
 * with the property's name.
 */
public class WholeNumber implements JsonbDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            try {
                return number.bigDecimalValue().intValueExact();
            } catch (ArithmeticException notWholeOrTooBig) {
                // refused below
            }
        }
        throw new JsonbException("Expected a whole number between " + Integer.MIN_VALUE + " and "
                + Integer.MAX_VALUE + ", not " + value);
    }
}
