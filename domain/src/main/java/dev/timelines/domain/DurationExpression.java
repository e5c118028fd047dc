package dev.timelines.domain;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time in a query ({@code longerThan}, {@code within}; docs/semantics.md, "Durations in
 * parameters"): seconds as a number ({@code 7200}, {@code 0.5}) or a number with one unit of {@code s m h d}
 * ({@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}). Zero is allowed; a negative or malformed one is refused.
 */
public final class DurationExpression {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)([smhd]?)");

    private DurationExpression() {
    }

    /** The duration in microseconds. */
    public static long parseMicros(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            throw new InvalidValueException("'" + Timestamp.abbreviate(text)
                    + "' is not a duration: use seconds (7200, 0.5) or a number with one unit of s, m, h, d (90s, 2h)");
        }
        BigDecimal amount = new BigDecimal(form.group(1));
        long unit = switch (form.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 1;
        };
        BigDecimal micros = amount.multiply(BigDecimal.valueOf(unit * Timestamp.MICROS_PER_SECOND));
        if (micros.compareTo(BigDecimal.valueOf(Timestamp.MAX.micros() - Timestamp.MIN.micros())) > 0) {
            throw new InvalidValueException("'" + Timestamp.abbreviate(text) + "' is longer than any time can be");
        }
        return micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
