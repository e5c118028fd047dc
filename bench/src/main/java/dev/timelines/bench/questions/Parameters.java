package dev.timelines.bench.questions;

import dev.timelines.bench.workload.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one set of parameters every engine is asked with, placed in the middle of the generated 30 days where
 * every status is in use.
 *
 * @param key the timeline whose changes view is asked for
 * @param tenMinutes the window of the paid → on_hold transitions
 * @param day the window of {@code next}, the process map, time in state and the funnel
 * @param atMicros the moment of the state counts, the on_hold search, the stuck timelines and the ages
 * @param asOfRows the arrival rows (NDJSON lines) received before the moment the {@code asOf} question asks about:
 *     those before the first line stamped at or after {@code atMicros}. Every engine ingests them as batches of
 *     their own, the last one ending there; the Timelines engines note the moment that batch was acknowledged,
 *     and the SQL peers take the rows up to this one. Lines after it stamped before T are the late events that
 *     moment did not know yet.
 */
public record Parameters(String key, Span tenMinutes, Span day, long atMicros, long asOfRows) {

    /** The attribute every question is about. */
    public static final String ATTRIBUTE = "status";
    public static final String FROM = "paid";
    public static final String HELD = "on_hold";
    /** The stuck timelines: on_hold for strictly longer than an hour at T. */
    public static final long STUCK_LONGER_THAN_MICROS = 3_600_000_000L;
    /** The {@code where} condition of the conditioned {@code next}: the second attribute the generator writes. */
    public static final String CONDITION_ATTRIBUTE = "priority";
    public static final String CONDITION_VALUE = "high";
    /** The funnel's steps, three entries of the lifecycle in order, and the time its chains may take. */
    public static final List<String> FUNNEL = List.of("paid", "packed", "shipped");
    public static final long FUNNEL_WITHIN_MICROS = 12 * 3_600_000_000L;

    public static Parameters of(Dataset dataset) throws IOException {
        long middle = dataset.startSeconds() + 15 * 86_400L;
        long noon = middle + 12 * 3_600L;
        long at = noon * 1_000_000L;
        return new Parameters(Dataset.key(dataset.timelines() / 2), Span.ofSeconds(noon, 600),
                Span.ofSeconds(middle, 86_400), at, rowsBefore(dataset.file(), at));
    }

    /** The lines before the first one stamped at or after the moment (all of them when there is none). */
    static long rowsBefore(Path file, long atMicros) throws IOException {
        long rows = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (stampMicros(line) >= atMicros) {
                    return rows;
                }
                rows++;
            }
        }
        return rows;
    }

    /** The numeric {@code timestamp} of a generated line, read without parsing the JSON around it. */
    private static long stampMicros(String line) throws IOException {
        String field = "\"timestamp\":";
        int from = line.indexOf(field);
        if (from < 0) {
            throw new IOException("no numeric timestamp in " + line);
        }
        from += field.length();
        int to = from;
        while (to < line.length() && (Character.isDigit(line.charAt(to)) || line.charAt(to) == '.')) {
            to++;
        }
        return new BigDecimal(line.substring(from, to)).movePointRight(6).longValueExact();
    }
}
