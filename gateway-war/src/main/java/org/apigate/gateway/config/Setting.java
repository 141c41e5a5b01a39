package org.apigate.gateway.config;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One configuration key read live. {@link #get()} costs a config lookup and a string comparison while the value is
 * unchanged; a changed value is parsed once. An absent or empty value means the WAR's shipped default
 * ({@link ShippedDefaults}). A value that cannot be parsed or fails its check keeps the last good value (or the
 * default) in force, is logged once and shows in {@link #problem()}.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    private static final Logger LOG = Logger.getLogger(Setting.class.getName());

    private final Config config;
    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private volatile State<T> state;

    private record State<T>(String raw, T value, String problem) {
    }

    /**
     * A key whose default is the WAR's shipped value.
     *
     * @param parser turns the configured text into the value; throws {@link IllegalArgumentException} (with a
     *               message for operators) when it cannot be used
     */
    public Setting(Config config, String key, Function<String, T> parser) {
        this(config, key, parser.apply(ShippedDefaults.of(key)), parser);
    }

    Setting(Config config, String key, T defaultValue, Function<String, T> parser) {
        this.config = config;
        this.key = key;
        this.defaultValue = defaultValue;
        this.parser = parser;
    }

    /** An ISO-8601 duration ({@code PT10S}) that must be positive. */
    public static Setting<Duration> duration(Config config, String key) {
        return new Setting<>(config, key, Setting::positiveDuration);
    }

    /** A whole number of at least {@code min}. */
    public static Setting<Long> number(Config config, String key, long min) {
        return new Setting<>(config, key, text -> atLeast(text, min));
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> flag(Config config, String key) {
        return new Setting<>(config, key, text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(text);
        });
    }

    public T get() {
        String raw = config.getOptionalValue(key, String.class).map(String::strip).orElse(null);
        State<T> current = state;
        if (current != null && Objects.equals(current.raw(), raw)) {
            return current.value();
        }
        State<T> next = parse(raw, current == null ? defaultValue : current.value());
        state = next;
        return next.value();
    }

    /** Why the configured value is not in force, or null when it is. */
    public String problem() {
        get();
        return state.problem();
    }

    public String key() {
        return key;
    }

    private State<T> parse(String raw, T lastGood) {
        if (raw == null || raw.isEmpty()) {
            return new State<>(raw, defaultValue, null);
        }
        try {
            return new State<>(raw, parser.apply(raw), null);
        } catch (RuntimeException e) {
            String problem = key + "=" + raw + " cannot be used (" + e.getMessage() + "); keeping " + lastGood;
            LOG.warning(problem);
            return new State<>(raw, lastGood, problem);
        }
    }

    private static Duration positiveDuration(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration such as PT10S", e);
        }
    }

    private static long atLeast(String text, long min) {
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number", e);
        }
    }
}
