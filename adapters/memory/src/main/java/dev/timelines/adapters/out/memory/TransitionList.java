package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/**
 * The transitions of one (from, to) pair ordered by (at, seq): chunks of parallel primitive arrays, 28 bytes a
 * transition. An out-of-order insert or a removal moves at most one chunk's entries, so repairs stay cheap at
 * millions of transitions, and in-order appends fill chunks completely. Not thread-safe.
 */
final class TransitionList {

    static final int CHUNK_CAPACITY = 1024;

    private final int chunkCapacity;
    private Chunk[] chunks = new Chunk[1];
    private int chunkCount;
    private long size;

    TransitionList() {
        this(CHUNK_CAPACITY);
    }

    /** Small chunks let tests exercise splitting with few transitions. */
    TransitionList(int chunkCapacity) {
        this.chunkCapacity = chunkCapacity;
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long at, long seq, int timeline, long duration) {
        if (chunkCount == 0) {
            insertChunk(0, new Chunk(Math.min(4, chunkCapacity)));
        }
        int index = chunkFor(at, seq);
        Chunk chunk = chunks[index];
        if (chunk.size == chunkCapacity) {
            if (index == chunkCount - 1 && chunk.isBefore(at, seq)) {
                insertChunk(++index, new Chunk(Math.min(4, chunkCapacity)));
            } else {
                Chunk upper = chunk.splitUpperHalf();
                insertChunk(index + 1, upper);
                if (chunk.isBefore(at, seq)) {
                    index++;
                }
            }
            chunk = chunks[index];
        }
        chunk.insert(chunk.lowerBound(at, seq), at, seq, timeline, duration, chunkCapacity);
        size++;
    }

    /** Removes the transition with exactly this (at, seq); false when there is none. */
    boolean remove(long at, long seq) {
        if (chunkCount == 0) {
            return false;
        }
        int index = chunkFor(at, seq);
        Chunk chunk = chunks[index];
        int position = chunk.lowerBound(at, seq);
        if (position == chunk.size || chunk.at[position] != at || chunk.seq[position] != seq) {
            return false;
        }
        chunk.remove(position);
        size--;
        if (chunk.size == 0) {
            System.arraycopy(chunks, index + 1, chunks, index, chunkCount - index - 1);
            chunks[--chunkCount] = null;
        }
        return true;
    }

    /** A cursor on the first transition whose {@code at} is at or after {@code at}. */
    Cursor from(long at) {
        if (chunkCount == 0) {
            return new Cursor(0, 0);
        }
        int index = chunkFor(at, Long.MIN_VALUE);
        return new Cursor(index, chunks[index].lowerBound(at, Long.MIN_VALUE));
    }

    /** Builds a list from transitions already sorted by (at, seq), filling every chunk. */
    static TransitionList ofSorted(int chunkCapacity, long[] at, long[] seq, int[] timeline, long[] duration,
            int count) {
        TransitionList list = new TransitionList(chunkCapacity);
        for (int start = 0; start < count; start += list.chunkCapacity) {
            int end = Math.min(count, start + list.chunkCapacity);
            Chunk chunk = new Chunk(Arrays.copyOfRange(at, start, end), Arrays.copyOfRange(seq, start, end),
                    Arrays.copyOfRange(timeline, start, end), Arrays.copyOfRange(duration, start, end), end - start);
            list.insertChunk(list.chunkCount, chunk);
        }
        list.size = count;
        return list;
    }

    /** The first chunk whose last transition is at or after the key; the last chunk when none is. */
    private int chunkFor(long at, long seq) {
        int low = 0;
        int high = chunkCount - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (chunks[mid].isBefore(at, seq)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void insertChunk(int index, Chunk chunk) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        System.arraycopy(chunks, index, chunks, index + 1, chunkCount - index);
        chunks[index] = chunk;
        chunkCount++;
    }

    /** Walks the list forward from a position; valid until the list changes. */
    final class Cursor {
        private int chunk;
        private int position;

        private Cursor(int chunk, int position) {
            this.chunk = chunk;
            this.position = position;
            settle();
        }

        boolean valid() {
            return chunk < chunkCount;
        }

        long at() {
            return chunks[chunk].at[position];
        }

        long seq() {
            return chunks[chunk].seq[position];
        }

        int timeline() {
            return chunks[chunk].timeline[position];
        }

        long duration() {
            return chunks[chunk].duration[position];
        }

        void next() {
            position++;
            settle();
        }

        private void settle() {
            while (chunk < chunkCount && position >= chunks[chunk].size) {
                chunk++;
                position = 0;
            }
        }
    }

    /** Up to a chunk's capacity of transitions in order, in arrays that grow as it fills. */
    private static final class Chunk {
        private long[] at;
        private long[] seq;
        private int[] timeline;
        private long[] duration;
        private int size;

        Chunk(int capacity) {
            this(new long[capacity], new long[capacity], new int[capacity], new long[capacity], 0);
        }

        Chunk(long[] at, long[] seq, int[] timeline, long[] duration, int size) {
            this.at = at;
            this.seq = seq;
            this.timeline = timeline;
            this.duration = duration;
            this.size = size;
        }

        /** Whether every transition of this chunk comes before (at, seq). */
        boolean isBefore(long time, long order) {
            long lastAt = at[size - 1];
            return lastAt < time || lastAt == time && seq[size - 1] < order;
        }

        int lowerBound(long time, long order) {
            return TimeOrder.lowerBound(at, seq, size, time, order);
        }

        void insert(int index, long time, long order, int line, long length, int maxCapacity) {
            if (size == at.length) {
                int capacity = Math.min(maxCapacity, size * 2);
                at = Arrays.copyOf(at, capacity);
                seq = Arrays.copyOf(seq, capacity);
                timeline = Arrays.copyOf(timeline, capacity);
                duration = Arrays.copyOf(duration, capacity);
            }
            System.arraycopy(at, index, at, index + 1, size - index);
            System.arraycopy(seq, index, seq, index + 1, size - index);
            System.arraycopy(timeline, index, timeline, index + 1, size - index);
            System.arraycopy(duration, index, duration, index + 1, size - index);
            at[index] = time;
            seq[index] = order;
            timeline[index] = line;
            duration[index] = length;
            size++;
        }

        void remove(int index) {
            System.arraycopy(at, index + 1, at, index, size - index - 1);
            System.arraycopy(seq, index + 1, seq, index, size - index - 1);
            System.arraycopy(timeline, index + 1, timeline, index, size - index - 1);
            System.arraycopy(duration, index + 1, duration, index, size - index - 1);
            size--;
        }

        /** Moves the upper half into a new chunk, which it returns. */
        Chunk splitUpperHalf() {
            int keep = size / 2;
            Chunk upper = new Chunk(Arrays.copyOfRange(at, keep, size), Arrays.copyOfRange(seq, keep, size),
                    Arrays.copyOfRange(timeline, keep, size), Arrays.copyOfRange(duration, keep, size), size - keep);
            size = keep;
            return upper;
        }
    }
}
