package dev.timelines.bench.workload;

import java.nio.file.Path;

/**
 * A generated NDJSON file of {@code {"timeline","timestamp","data"}} lines in arrival order, what it holds, and
 * the SHA-256 of its bytes (the same seed and scale always give the same file).
 *
 * @param startSeconds epoch seconds of the first moment of the 30 days the timestamps lie in
 * @param withoutStatus events whose data has no {@code status}
 * @param repeats events whose status equals the timeline's previous status (in timestamp order)
 * @param late events that arrive after a later-stamped event of their timeline
 * @param ties events stamped exactly like the previous event of their timeline
 * @param priorities events whose data has {@code priority} (every order's first, and the notes raising it)
 */
public record Dataset(Path file, long events, int timelines, long startSeconds, long withoutStatus, long repeats,
        long late, long ties, long priorities, String sha256) {

    /** The key of the timeline with this index: keys sort in index order. */
    public static String key(int index) {
        String digits = Integer.toString(index);
        return "order-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }
}
