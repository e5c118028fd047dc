package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Stay;
import java.util.Arrays;

/**
 * The transitions of one (from, to) pair ordered by (at, seq), each with the stay in {@code to} it begins: when
 * that stay was {@code left} ({@link #OPEN} while it lasts) and for which value ({@code next}). So the list is
 * also every stay in {@code to} entered from {@code from}, and questions about stays (what came next, the state
 * at T, time in a state) read it without visiting timelines. Chunks of parallel primitive arrays, 36 bytes a
 * transition; an out-of-order insert or a removal moves at most a chunk's entries, and each chunk bounds its
 * stays' {@code left}, so a search for stays lasting past a time skips chunks whose stays all ended before it.
 * Not thread-safe.
 */
final class TransitionList {

    static final int CHUNK_CAPACITY = 1024;
    /** The {@code left} of a stay still going on. */
    static final long OPEN = Stay.OPEN;

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

    /** Receives transitions one by one, without an object per transition: cheap enough for millions. */
    interface Visitor {
        void visit(int timeline, long at, long duration, long left, int next);
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long at, long seq, int timeline, long duration, long left, int next) {
        if (chunkCount == 0) {
            insertChunk(0, new Chunk(Math.min(4, chunkCapacity)));
        }
        int index = chunkFor(at, seq);
        if (chunks[index].size == chunkCapacity) {
            index = makeRoom(index, at, seq);
        }
        Chunk chunk = chunks[index];
        chunk.insert(chunk.lowerBound(at, seq), at, seq, timeline, duration, left, next, chunkCapacity);
        size++;
    }

    /** Sets how the stay begun by the transition (at, seq) ended; false when there is no such transition. */
    boolean restay(long at, long seq, long left, int next) {
        if (chunkCount == 0) {
            return false;
        }
        Chunk chunk = chunks[chunkFor(at, seq)];
        int position = chunk.lowerBound(at, seq);
        if (position == chunk.size || chunk.at[position] != at || chunk.seq.get(position) != seq) {
            return false;
        }
        chunk.restay(position, left, next);
        return true;
    }

    /** Removes the transition with exactly this (at, seq); false when there is none. */
    boolean remove(long at, long seq) {
        if (chunkCount == 0) {
            return false;
        }
        int index = chunkFor(at, seq);
        Chunk chunk = chunks[index];
        int position = chunk.lowerBound(at, seq);
        if (position == chunk.size || chunk.at[position] != at || chunk.seq.get(position) != seq) {
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

    /** How many transitions have an {@code at} at or before {@code at}: whole chunks count by their size. */
    long countAtOrBefore(long at) {
        if (chunkCount == 0) {
            return 0;
        }
        int index = chunkFor(at, Long.MAX_VALUE);
        long count = chunks[index].lowerBound(at, Long.MAX_VALUE);
        for (int i = 0; i < index; i++) {
            count += chunks[i].size;
        }
        return count;
    }

    /** Visits, in order, the transitions whose {@code at} lies in {@code [since, until)}. */
    void forEachIn(long since, long until, Visitor visitor) {
        if (chunkCount == 0) {
            return;
        }
        int c = chunkFor(since, Long.MIN_VALUE);
        for (int i = chunks[c].lowerBound(since, Long.MIN_VALUE); c < chunkCount; c++, i = 0) {
            Chunk chunk = chunks[c];
            for (; i < chunk.size; i++) {
                if (chunk.at[i] >= until) {
                    return;
                }
                visitor.visit(chunk.timeline[i], chunk.at[i], chunk.duration[i], chunk.left[i], chunk.next[i]);
            }
        }
    }

    /** Visits the transitions beginning a stay entered before {@code until} and left after {@code since}. */
    void forEachStayOverlapping(long since, long until, Visitor visitor) {
        for (int c = 0; c < chunkCount && chunks[c].at[0] < until; c++) {
            Chunk chunk = chunks[c];
            if (chunk.latestLeft() <= since) {
                continue;
            }
            for (int i = 0; i < chunk.size && chunk.at[i] < until; i++) {
                if (chunk.left[i] > since) {
                    visitor.visit(chunk.timeline[i], chunk.at[i], chunk.duration[i], chunk.left[i], chunk.next[i]);
                }
            }
        }
    }

    /** Builds a list from transitions already sorted by (at, seq), filling every chunk. */
    static TransitionList ofSorted(int chunkCapacity, long[] at, long[] seq, int[] timeline, long[] duration,
            long[] left, int[] next, int count) {
        TransitionList list = new TransitionList(chunkCapacity);
        for (int start = 0; start < count; start += list.chunkCapacity) {
            int end = Math.min(count, start + list.chunkCapacity);
            Chunk chunk = new Chunk(Arrays.copyOfRange(at, start, end), SeqColumn.of(seq, start, end, end - start),
                    Arrays.copyOfRange(timeline, start, end), Arrays.copyOfRange(duration, start, end),
                    Arrays.copyOfRange(left, start, end), Arrays.copyOfRange(next, start, end), end - start);
            list.insertChunk(list.chunkCount, chunk);
        }
        list.size = count;
        return list;
    }

    /**
     * Frees a place for (at, seq) in or next to the full chunk at {@code index} and returns the chunk it now
     * goes into. A neighbour with room takes one transition over, so that chunks stay full (repairs insert all
     * over the list); only when both neighbours are full does the chunk split.
     */
    private int makeRoom(int index, long at, long seq) {
        Chunk chunk = chunks[index];
        if (index == chunkCount - 1 && chunk.isBefore(at, seq)) {
            insertChunk(index + 1, new Chunk(Math.min(4, chunkCapacity)));
            return index + 1;
        }
        if (index > 0 && chunks[index - 1].size < chunkCapacity) {
            if (chunk.lowerBound(at, seq) == 0) {
                return index - 1;
            }
            chunk.moveFirstTo(chunks[index - 1], chunkCapacity);
            return index;
        }
        if (index + 1 < chunkCount && chunks[index + 1].size < chunkCapacity) {
            chunk.moveLastTo(chunks[index + 1], chunkCapacity);
            return index;
        }
        Chunk upper = chunk.splitUpperHalf();
        insertChunk(index + 1, upper);
        return chunk.isBefore(at, seq) ? index + 1 : index;
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
            return chunks[chunk].seq.get(position);
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
        private SeqColumn seq;
        private int[] timeline;
        private long[] duration;
        private long[] left;
        private int[] next;
        private int size;
        /** How many stays of the chunk are {@link #OPEN}. */
        private int open;
        /**
         * At or after every closed stay's {@code left}. Only raised, never lowered when that stay changes or goes:
         * a bound a little late only costs a chunk visit, and keeping it exact would mean rescanning the chunk on
         * every repair (each new change point closes a stay).
         */
        private long closedBound = Long.MIN_VALUE;

        Chunk(int capacity) {
            this(new long[capacity], new SeqColumn(capacity), new int[capacity], new long[capacity], new long[capacity],
                    new int[capacity], 0);
        }

        Chunk(long[] at, SeqColumn seq, int[] timeline, long[] duration, long[] left, int[] next, int size) {
            this.at = at;
            this.seq = seq;
            this.timeline = timeline;
            this.duration = duration;
            this.left = left;
            this.next = next;
            this.size = size;
            countStays();
        }

        /** No stay of the chunk lasts past this. */
        long latestLeft() {
            return open > 0 ? OPEN : closedBound;
        }

        /** Whether every transition of this chunk comes before (at, seq). */
        boolean isBefore(long time, long order) {
            long lastAt = at[size - 1];
            return lastAt < time || lastAt == time && seq.get(size - 1) < order;
        }

        int lowerBound(long time, long order) {
            return seq.lowerBound(at, size, time, order);
        }

        void insert(int index, long time, long order, int line, long length, long leaving, int following,
                int maxCapacity) {
            if (size == at.length) {
                resize(Math.min(maxCapacity, size + Math.max(4, size >> 3)));
            }
            System.arraycopy(at, index, at, index + 1, size - index);
            seq.openAt(index, size);
            System.arraycopy(timeline, index, timeline, index + 1, size - index);
            System.arraycopy(duration, index, duration, index + 1, size - index);
            System.arraycopy(left, index, left, index + 1, size - index);
            System.arraycopy(next, index, next, index + 1, size - index);
            at[index] = time;
            seq.set(index, order);
            timeline[index] = line;
            duration[index] = length;
            left[index] = leaving;
            next[index] = following;
            size++;
            countStay(leaving);
        }

        void remove(int index) {
            long leaving = left[index];
            System.arraycopy(at, index + 1, at, index, size - index - 1);
            seq.closeAt(index, size);
            System.arraycopy(timeline, index + 1, timeline, index, size - index - 1);
            System.arraycopy(duration, index + 1, duration, index, size - index - 1);
            System.arraycopy(left, index + 1, left, index, size - index - 1);
            System.arraycopy(next, index + 1, next, index, size - index - 1);
            size--;
            if (leaving == OPEN) {
                open--;
            }
        }

        void restay(int index, long leaving, int following) {
            if (left[index] == OPEN) {
                open--;
            }
            left[index] = leaving;
            next[index] = following;
            countStay(leaving);
        }

        /** Moves the first transition to the end of the preceding chunk, which has room for it. */
        void moveFirstTo(Chunk preceding, int maxCapacity) {
            preceding.insert(preceding.size, at[0], seq.get(0), timeline[0], duration[0], left[0], next[0], maxCapacity);
            remove(0);
        }

        /** Moves the last transition to the front of the following chunk, which has room for it. */
        void moveLastTo(Chunk following, int maxCapacity) {
            int last = size - 1;
            following.insert(0, at[last], seq.get(last), timeline[last], duration[last], left[last], next[last],
                    maxCapacity);
            remove(last);
        }

        /** Moves the upper half into a new chunk, which it returns. */
        Chunk splitUpperHalf() {
            int keep = size / 2;
            Chunk upper = new Chunk(Arrays.copyOfRange(at, keep, size), seq.copyOfRange(keep, size),
                    Arrays.copyOfRange(timeline, keep, size), Arrays.copyOfRange(duration, keep, size),
                    Arrays.copyOfRange(left, keep, size), Arrays.copyOfRange(next, keep, size), size - keep);
            size = keep;
            resize(keep);
            countStays();
            return upper;
        }

        /**
         * Grows by an eighth, and a split gives back the room it freed: a chunk's arrays hold little more than its
         * transitions (doubling left chunks about 72% full, 11 bytes a transition), and as a chunk fills only once
         * and then only splits, the copies stay few.
         */
        private void resize(int capacity) {
            at = Arrays.copyOf(at, capacity);
            seq.resize(capacity);
            timeline = Arrays.copyOf(timeline, capacity);
            duration = Arrays.copyOf(duration, capacity);
            left = Arrays.copyOf(left, capacity);
            next = Arrays.copyOf(next, capacity);
        }

        private void countStay(long leaving) {
            if (leaving == OPEN) {
                open++;
            } else {
                closedBound = Math.max(closedBound, leaving);
            }
        }

        private void countStays() {
            open = 0;
            closedBound = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                countStay(left[i]);
            }
        }
    }
}
