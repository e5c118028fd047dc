package dev.timelines.adapters.out.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes and reads the primitive arrays of a {@link MemoryImage} in bulk, through a byte buffer rather than
 * element by element: loading millions of events is then bound by the disk, not by per-call overhead.
 */
final class ImageIo {

    private static final int CHUNK_BYTES = 1 << 16;

    private ImageIo() {
    }

    static void writeLongs(DataOutput out, long[] values, int count) throws IOException {
        write(out, count, Long.BYTES, (chunk, from, length) -> chunk.asLongBuffer().put(values, from, length));
    }

    static long[] readLongs(DataInput in, int count) throws IOException {
        long[] values = new long[count];
        read(in, count, Long.BYTES, (chunk, from, length) -> chunk.asLongBuffer().get(values, from, length));
        return values;
    }

    static void writeInts(DataOutput out, int[] values, int count) throws IOException {
        write(out, count, Integer.BYTES, (chunk, from, length) -> chunk.asIntBuffer().put(values, from, length));
    }

    static int[] readInts(DataInput in, int count) throws IOException {
        int[] values = new int[count];
        read(in, count, Integer.BYTES, (chunk, from, length) -> chunk.asIntBuffer().get(values, from, length));
        return values;
    }

    /** Moves {@code length} values from index {@code from} of an array into a chunk's bytes, or back. */
    private interface Transfer {
        void move(ByteBuffer chunk, int from, int length);
    }

    private static void write(DataOutput out, int count, int width, Transfer fill) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(count, width));
        for (int from = 0; from < count; from += chunk.capacity() / width) {
            int length = Math.min(chunk.capacity() / width, count - from);
            fill.move(chunk.clear(), from, length);
            out.write(chunk.array(), 0, length * width);
        }
    }

    private static void read(DataInput in, int count, int width, Transfer drain) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(count, width));
        for (int from = 0; from < count; from += chunk.capacity() / width) {
            int length = Math.min(chunk.capacity() / width, count - from);
            in.readFully(chunk.array(), 0, length * width);
            drain.move(chunk.clear(), from, length);
        }
    }

    /** No larger than the values need: most timelines are short, and there may be millions of them. */
    private static int chunkBytes(int count, int bytesEach) {
        return (int) Math.min(CHUNK_BYTES, (long) count * bytesEach);
    }

    /** A count read from an image: a negative one means the image is damaged, not that the array is empty. */
    static int readCount(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("damaged snapshot: negative count " + count);
        }
        return count;
    }

    /** Any string, including one with a lone surrogate (JSON allows one). */
    static void writeString(DataOutput out, String text) throws IOException {
        StringColumn.of(new String[] {text}, 1).writeTo(out);
    }

    static String readString(DataInput in) throws IOException {
        return StringColumn.readFrom(in, 1).strings()[0];
    }
}
