package dev.timelines.adapters.out.memory;

/**
 * Binary search over parallel primitive arrays sorted by (time, seq), the order of events, change points and
 * transitions alike.
 */
final class TimeOrder {

    private TimeOrder() {
    }

    /** How many of the first {@code size} entries come before (time, seq): where such an entry goes. */
    static int lowerBound(long[] times, long[] seqs, int size, long time, long seq) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < time || times[mid] == time && seqs[mid] < seq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
