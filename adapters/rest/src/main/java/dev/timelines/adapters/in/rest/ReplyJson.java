package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import dev.timelines.domain.Timestamp;
import java.io.IOException;

/**
 * A reply's JSON generator with the few writes that rows need, times above all: a time in microseconds goes out as
 * the seconds docs/api.md describes (an integer when whole, otherwise up to 6 fraction digits, as
 * {@link Seconds#ofMicros(long)} spells it) straight from its digits. The profile of issue 16 found a list reply's
 * times, each made a stripped {@code BigDecimal} and then a string, to be most of its cost in the service.
 */
final class ReplyJson {

    private static final int MICROS_PER_SECOND = (int) Timestamp.MICROS_PER_SECOND;

    private final JsonGenerator out;
    /** A number's characters, written from the end: sign, 19 digits, point, 6 digits fit. */
    private final char[] digits = new char[32];

    ReplyJson(JsonGenerator out) {
        this.out = out;
    }

    JsonGenerator generator() {
        return out;
    }

    void string(String field, String text) throws IOException {
        out.writeStringField(field, text);
    }

    void value(String field, JsonValue value) throws IOException {
        out.writeFieldName(field);
        value(value);
    }

    void value(JsonValue value) throws IOException {
        JsonValueSerializer.write(value, out);
    }

    void seconds(String field, long micros) throws IOException {
        out.writeFieldName(field);
        seconds(micros);
    }

    void seconds(long micros) throws IOException {
        if (micros == Long.MIN_VALUE) {
            out.writeNumber(Seconds.ofMicros(micros));
            return;
        }
        long magnitude = Math.abs(micros);
        long whole = magnitude / MICROS_PER_SECOND;
        int fraction = (int) (magnitude % MICROS_PER_SECOND);
        int start = digits.length;
        if (fraction != 0) {
            int places = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            for (int i = 0; i < places; i++) {
                digits[--start] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            digits[--start] = '.';
        }
        do {
            digits[--start] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole != 0);
        if (micros < 0) {
            digits[--start] = '-';
        }
        out.writeNumber(digits, start, digits.length - start);
    }
}
