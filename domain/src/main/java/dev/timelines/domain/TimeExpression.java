package dev.timelines.domain;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms a point in time takes in a query (docs/semantics.md, "Windows and times in queries"): epoch seconds,
 * RFC 3339, {@code now}, or a relative {@code -N} with one unit of {@code s m h d} counted back from now.
 */
public final class TimeExpression {

    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,12})([smhd])");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d{1,12}(\\.\\d{1,9})?");

    private TimeExpression() {
    }

    /** Reads {@code text} as a point in time, taking relative forms against {@code now}. */
    public static Timestamp parse(String text, Timestamp now) {
        if (text.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            long micros = unitMicros(relative.group(2).charAt(0));
            try {
                return now.plusMicros(-Math.multiplyExact(amount, micros));
            } catch (ArithmeticException e) {
                throw new InvalidValueException("'" + text + "' reaches before the year 0001");
            }
        }
        if (EPOCH_SECONDS.matcher(text).matches()) {
            return Timestamp.ofEpochSeconds(new BigDecimal(text));
        }
        if (text.length() > 10 && Character.isDigit(text.charAt(0))) {
            return Timestamp.parseRfc3339(text);
        }
        throw new InvalidValueException("'" + Timestamp.abbreviate(text)
                + "' is not a time: use epoch seconds, RFC 3339, 'now' or -N with a unit of s, m, h, d");
    }

    private static long unitMicros(char unit) {
        long second = Timestamp.MICROS_PER_SECOND;
        return switch (unit) {
            case 's' -> second;
            case 'm' -> 60 * second;
            case 'h' -> 3600 * second;
            default -> 86_400 * second;
        };
    }
}
