package dev.timelines.bench.questions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An engine's answer in canonical form: one text line per row, in the engine's order where docs/semantics.md fixes the
 * order (a history, a transition list, keys) and sorted otherwise, with the SHA-256 of the lines. The row
 * shapes live in {@link Builder} alone, so that no two engines can render the same fact differently. Times and
 * durations are epoch microseconds, values are the status strings.
 */
public final class Answer {

    private final List<String> lines;
    private final String checksum;
    private final Optional<String> unavailable;

    private Answer(List<String> lines, Optional<String> unavailable) {
        this.lines = List.copyOf(lines);
        this.unavailable = unavailable;
        this.checksum = unavailable.isPresent() ? "n/a" : sha256(String.join("\n", lines));
    }

    /** An answer whose rows come in the order docs/semantics.md prescribes; that order is part of what is compared. */
    public static Builder inOrder() {
        return new Builder(false);
    }

    /** An answer whose rows have no prescribed order; they are sorted before hashing. */
    public static Builder anyOrder() {
        return new Builder(true);
    }

    /** The engine cannot be asked this question (the service build does not serve the endpoint). */
    public static Answer unavailable(String reason) {
        return new Answer(List.of(), Optional.of(reason));
    }

    public List<String> lines() {
        return lines;
    }

    public String checksum() {
        return checksum;
    }

    public Optional<String> unavailable() {
        return unavailable;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Collects the rows of one answer. */
    public static final class Builder {

        private final boolean sorted;
        private final List<String> lines = new ArrayList<>();

        private Builder(boolean sorted) {
            this.sorted = sorted;
        }

        /** A change point of a history. */
        public Builder point(long atMicros, String value) {
            return row("point", atMicros, value);
        }

        public Builder transition(long atMicros, String timeline, String from, String to, long durationMicros) {
            return row("transition", atMicros, timeline, from, to, durationMicros);
        }

        /** How many entries into the value a {@code next} question found. */
        public Builder entries(long count) {
            return row("entries", count);
        }

        /** Entries still in the value (no next change point). */
        public Builder none(long count) {
            return row("none", count);
        }

        public Builder next(String value, long count, long medianMicros) {
            return row("next", value, count, medianMicros);
        }

        public Builder pair(String from, String to, long count, long medianMicros) {
            return row("pair", from, to, count, medianMicros);
        }

        /** Entries (first change points) into a value, the process map's edges from its start node. */
        public Builder entry(String to, long count) {
            return row("entry", to, count);
        }

        public Builder state(String value, long count) {
            return row("state", value, count);
        }

        /** Timelines that have a state at the moment asked about. */
        public Builder timelines(long count) {
            return row("timelines", count);
        }

        public Builder timeline(String key) {
            return row("timeline", key);
        }

        public Builder timeIn(String value, long micros, long timelines) {
            return row("time", value, micros, timelines);
        }

        /** A timeline stuck in a value: held since a moment, for so long at the moment asked about. */
        public Builder stuck(String key, long sinceMicros, long micros) {
            return row("stuck", key, sinceMicros, micros);
        }

        /** The timelines holding a value at a moment and how long they had held it (nearest-rank statistics). */
        public Builder age(String value, long count, long min, long p50, long p90, long p99, long max) {
            return row("age", value, count, min, p50, p90, p99, max);
        }

        /**
         * A funnel's step (numbered from 1): the timelines whose chain reached it and the median time from the step
         * before, when the step has one and a chain reached it.
         */
        public Builder step(int index, String value, long timelines, Optional<Long> medianMicros) {
            return row("step", index, value, timelines, medianMicros.map(String::valueOf).orElse("-"));
        }

        public Answer build() {
            if (sorted) {
                Collections.sort(lines);
            }
            return new Answer(lines, Optional.empty());
        }

        private Builder row(Object... cells) {
            StringBuilder line = new StringBuilder();
            for (Object cell : cells) {
                line.append(line.length() == 0 ? "" : "\t").append(cell);
            }
            lines.add(line.toString());
            return this;
        }
    }
}
