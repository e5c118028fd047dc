package dev.timelines.adapters.out.memory;

/**
 * Bounds on what the memory engine indexes, so that attributes nobody asks about, or with a value per event
 * (free text, amounts), cannot exhaust the heap.
 *
 * @param maxValues distinct values an attribute may have and still be indexed; past it, questions across
 *        timelines about the attribute are refused
 * @param maxAttributes attributes indexed at once; asking about one more drops the least recently asked
 */
public record IndexLimits(int maxValues, int maxAttributes) {

    public static final IndexLimits DEFAULT = new IndexLimits(100_000, 16);

    public IndexLimits {
        if (maxValues < 1 || maxAttributes < 1) {
            throw new IllegalArgumentException("index limits must be positive");
        }
    }
}
