package org.apigate.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Request bodies for fuzzing: the contract's request shapes (user, order, item, reservation) with valid and wrong
 * values, random JSON, deeply nested JSON (depth 10,000), a few huge bodies (1 to 5 MB), truncated JSON and
 * non-JSON. The nested and huge bodies are built once and shared.
 */
final class FuzzBodies {

    static final int DEEP = 10_000;
    private static final byte[] DEEP_ARRAYS = ("[".repeat(DEEP) + "]".repeat(DEEP)).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEEP_OBJECTS = ("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP))
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEEP_ORDER = ("{\"userId\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + ",\"lines\":[]}")
            .getBytes(StandardCharsets.US_ASCII);
    private static final List<byte[]> HUGE = List.of(
            ("{\"username\":\"" + "x".repeat(1 << 20) + "\",\"email\":\"a@b.c\",\"displayName\":\"d\"}")
                    .getBytes(StandardCharsets.US_ASCII),
            orderWithLines(60_000),
            ("[" + "1234567890,".repeat(500_000) + "0]").getBytes(StandardCharsets.US_ASCII));

    private static final String[] STRINGS = {"", " ", "a", "null", "0", "-1", "\\u0000", "\\ud800", "caf\\u00e9",
            "\\uD83D\\uDE00", "' OR 1=1 --", "../../etc/passwd", "<script>alert(1)</script>", "%s%n", "${jndi:x}",
            "a@b", "a@example.org", "\\\"", "\\n\\r\\t", "SKU-1"};
    private static final String[] NUMBERS = {"0", "1", "-1", "-0", "1.5", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1e400", "-1e400",
            "1e-400", "1E2", "0.0000001", "3"};
    private static final String[] WRONG = {"null", "true", "false", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "-5"};

    private final SplittableRandom random;
    private final List<String> ids;

    /** @param ids real ids and SKUs, so that some bodies name things that exist */
    FuzzBodies(SplittableRandom random, List<String> ids) {
        this.random = random;
        this.ids = ids;
    }

    byte[] next() {
        int roll = random.nextInt(10_000);
        if (roll < 5) {
            return HUGE.get(random.nextInt(HUGE.size()));
        }
        if (roll < 300) {
            return List.of(DEEP_ARRAYS, DEEP_OBJECTS, DEEP_ORDER).get(random.nextInt(3));
        }
        if (roll < 2300) {
            return new byte[0];
        }
        String text;
        if (roll < 7800) {
            text = shape();
        } else if (roll < 8800) {
            text = value(4);
        } else if (roll < 9300) {
            String shape = shape();
            text = shape.substring(0, random.nextInt(shape.length()));
        } else {
            text = List.of("hello", "<user><username>x</username></user>", "username=a&email=b", "{'a':1}",
                    "{\"a\":1,}", "[1,2", "\u0000\u0001\u00ff", "{\"a\":\"\\x\"}", "NaN", "{\"a\":01}")
                    .get(random.nextInt(10));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One of the contract's request shapes, each member valid, wrong, missing or doubled. */
    private String shape() {
        return switch (random.nextInt(4)) {
            case 0 -> object(member("username", text()), member("email", email()), member("displayName", text()));
            case 1 -> object(member("userId", text()), member("lines", random.nextInt(5) == 0 ? value(2) : lines()));
            case 2 -> object(member("name", text()), member("available", number()));
            default -> object(member("id", text()), member("lines", random.nextInt(5) == 0 ? value(2) : lines()));
        };
    }

    private String lines() {
        StringBuilder lines = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            lines.append(object(member("sku", text()), member("quantity", number()))).append(i > 1 ? "," : "");
        }
        return lines.append(']').toString();
    }

    private String object(String... members) {
        StringBuilder json = new StringBuilder("{");
        for (String member : members) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            json.append(json.length() > 1 ? "," : "").append(member);
            if (random.nextInt(20) == 0) {
                json.append(',').append(member);
            }
        }
        if (random.nextInt(6) == 0) {
            json.append(json.length() > 1 ? "," : "").append("\"extra\":").append(value(2));
        }
        return json.append('}').toString();
    }

    private String member(String name, String value) {
        return "\"" + name + "\":" + (random.nextInt(8) == 0 ? WRONG[random.nextInt(WRONG.length)] : value);
    }

    private String text() {
        int roll = random.nextInt(10);
        if (roll < 4) {
            return "\"" + ids.get(random.nextInt(ids.size())) + "\"";
        }
        if (roll < 5) {
            return "\"" + "x".repeat(1 + random.nextInt(5000)) + "\"";
        }
        if (roll < 7) {
            return "\"f" + Long.toHexString(random.nextLong()) + "\"";
        }
        return "\"" + STRINGS[random.nextInt(STRINGS.length)] + "\"";
    }

    private String email() {
        return random.nextBoolean() ? "\"f" + Long.toHexString(random.nextLong()) + "@example.org\"" : text();
    }

    private String number() {
        return random.nextInt(3) == 0 ? String.valueOf(random.nextInt(-5, 100))
                : NUMBERS[random.nextInt(NUMBERS.length)];
    }

    /** Random JSON of at most {@code depth} levels. */
    private String value(int depth) {
        int roll = random.nextInt(depth <= 0 ? 4 : 6);
        return switch (roll) {
            case 0 -> text();
            case 1 -> number();
            case 2 -> WRONG[random.nextInt(WRONG.length)];
            case 3 -> "null";
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(value(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append("\"k").append(i).append("\":").append(value(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private static byte[] orderWithLines(int lines) {
        StringBuilder order = new StringBuilder("{\"userId\":\"nobody\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            order.append(i > 0 ? "," : "").append("{\"sku\":\"SKU-").append(i).append("\",\"quantity\":1}");
        }
        return order.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
