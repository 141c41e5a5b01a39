package org.apigate.gateway.ratelimit;

import org.eclipse.microprofile.config.Config;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One configuration key of a quota - a limit or a window - and what stands in for it. An unusable value (not a whole
 * number, or outside 1..max) never reaches the rate limiter: the key keeps the value it stood for until then, and a
 * key that is absent, or unusable from the start, gives its fallback key's value or its built-in default. A raw
 * value is parsed, and if unusable reported (one WARNING line), once per change, however often it is read.
 */
final class QuotaSetting {

    private static final Logger LOG = Logger.getLogger(QuotaSettings.class.getName());
    private static final int SHOWN_CHARACTERS = 40;

    private final String key;
    private final int max;
    private final QuotaSetting fallback;
    private final int builtIn;
    /** The reading of the last raw value seen; replaced only when the raw value changes. */
    private volatile Reading last = new Reading(null, null, false);

    /**
     * @param fallback the key to take when this one is absent (or unusable from the start); null: {@code builtIn}
     */
    QuotaSetting(String key, int max, QuotaSetting fallback, int builtIn) {
        this.key = key;
        this.max = max;
        this.fallback = fallback;
        this.builtIn = builtIn;
    }

    /**
     * A raw value (null: absent) and the number this key stands for with it (null: none, take the fallback's).
     * {@code reported} makes the one warning about an unusable value one, whichever thread sees it first.
     */
    private record Reading(String raw, Integer value, boolean unusable, AtomicBoolean reported) {

        Reading(String raw, Integer value, boolean unusable) {
            this(raw, value, unusable, new AtomicBoolean());
        }
    }

    String key() {
        return key;
    }

    /** The value to use now. */
    int value(Config config) {
        Reading reading = read(config);
        int used = used(reading, config);
        if (reading.unusable() && reading.reported().compareAndSet(false, true)) {
            LOG.warning(() -> "Rate limiting: " + describe(reading, used));
        }
        return used;
    }

    /** What is wrong with the key's value now and what is used instead; null when nothing is. */
    String problem(Config config) {
        Reading reading = read(config);
        return reading.unusable() ? describe(reading, used(reading, config)) : null;
    }

    private int used(Reading reading, Config config) {
        if (reading.value() != null) {
            return reading.value();
        }
        return fallback == null ? builtIn : fallback.value(config);
    }

    private Reading read(Config config) {
        String raw = config.getOptionalValue(key, String.class).orElse(null);
        Reading reading = last;
        if (Objects.equals(raw, reading.raw())) {
            return reading;
        }
        synchronized (this) {
            reading = last;
            if (!Objects.equals(raw, reading.raw())) {
                reading = next(reading, raw);
                last = reading;
            }
            return reading;
        }
    }

    /** The reading of a changed raw value: an unusable one keeps what the key stood for before (if anything). */
    private Reading next(Reading previous, String raw) {
        if (raw == null) {
            return new Reading(null, null, false);
        }
        Integer parsed = parse(raw);
        return parsed == null ? new Reading(raw, previous.value(), true) : new Reading(raw, parsed, false);
    }

    private Integer parse(String raw) {
        try {
            long number = Long.parseLong(raw.trim());
            return number >= 1 && number <= max ? (int) number : null;
        } catch (NumberFormatException notAWholeNumber) {
            return null;
        }
    }

    private String describe(Reading reading, int used) {
        return key + "=" + shown(reading.raw()) + " is not a whole number from 1 to " + max + "; "
                + (reading.value() != null ? "keeping " + used + ", its last good value"
                        : "using " + used + ", as if it were not set");
    }

    /** The raw value quoted on one line and short, whatever was configured. */
    private static String shown(String raw) {
        String cut = raw.length() > SHOWN_CHARACTERS ? raw.substring(0, SHOWN_CHARACTERS) + "..." : raw;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
