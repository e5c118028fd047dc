package dev.timelines.application.question;

import dev.timelines.domain.DurationStatistics;
import java.util.Arrays;

/**
 * Durations in microseconds, kept whole so that statistics over merged parts stay exact (a percentile of
 * percentiles is not a percentile). Not thread-safe.
 */
public final class DurationSamples {

    private long[] micros;
    private int size;

    public DurationSamples() {
        this(new long[8], 0);
    }

    private DurationSamples(long[] micros, int size) {
        this.micros = micros;
        this.size = size;
    }

    /** Takes over the first {@code size} durations of the array, which the caller no longer changes. */
    public static DurationSamples of(long[] micros, int size) {
        return new DurationSamples(micros, size);
    }

    public void add(long duration) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = duration;
    }

    public DurationSamples merge(DurationSamples other) {
        if (size + other.size > micros.length) {
            micros = Arrays.copyOf(micros, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.micros, 0, micros, size, other.size);
        size += other.size;
        return this;
    }

    /** Takes out one sample of each duration the other holds (they must all be here): a multiset difference. */
    public DurationSamples without(DurationSamples other) {
        long[] removed = Arrays.copyOf(other.micros, other.size);
        Arrays.sort(removed);
        Arrays.sort(micros, 0, size);
        int kept = 0;
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (next < removed.length && micros[i] == removed[next]) {
                next++;
            } else {
                micros[kept++] = micros[i];
            }
        }
        if (next != removed.length) {
            throw new IllegalArgumentException("a duration taken out was never added");
        }
        size = kept;
        return this;
    }

    /** The durations, in no particular order, as a new array: the contents of a partial answer holding them. */
    public long[] toArray() {
        return Arrays.copyOf(micros, size);
    }

    public int count() {
        return size;
    }

    /** Reorders the samples (selection finds the percentiles in place). */
    public DurationStatistics statistics() {
        return DurationStatistics.of(micros, size);
    }
}
