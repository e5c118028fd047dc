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
        ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(count, Long.BYTES));
        for (int from = 0; from < count; from += CHUNK_BYTES / Long.BYTES) {
            int length = Math.min(CHUNK_BYTES / Long.BYTES, count - from);
            chunk.clear().asLongBuffer().put(values, from, length);
            out.write(chunk.array(), 0, length * Long.BYTES);
        }
    }

    static long[] readLongs(DataInput in, int count) throws IOException {
        long[] values = new long[count];
        byte[] chunk = new byte[chunkBytes(count, Long.BYTES)];
        for (int from = 0; from < count; from += CHUNK_BYTES / Long.BYTES) {
            int length = Math.min(CHUNK_BYTES / Long.BYTES, count - from);
            in.readFully(chunk, 0, length * Long.BYTES);
            ByteBuffer.wrap(chunk).asLongBuffer().get(values, from, length);
        }
        return values;
    }

    static void writeInts(DataOutput out, int[] values, int count) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(count, Integer.BYTES));
        for (int from = 0; from < count; from += CHUNK_BYTES / Integer.BYTES) {
            int length = Math.min(CHUNK_BYTES / Integer.BYTES, count - from);
            chunk.clear().asIntBuffer().put(values, from, length);
            out.write(chunk.array(), 0, length * Integer.BYTES);
        }
    }

    static int[] readInts(DataInput in, int count) throws IOException {
        int[] values = new int[count];
        byte[] chunk = new byte[chunkBytes(count, Integer.BYTES)];
        for (int from = 0; from < count; from += CHUNK_BYTES / Integer.BYTES) {
            int length = Math.min(CHUNK_BYTES / Integer.BYTES, count - from);
            in.readFully(chunk, 0, length * Integer.BYTES);
            ByteBuffer.wrap(chunk).asIntBuffer().get(values, from, length);
        }
        return values;
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

    /** Any string, including one with a lone surrogate (JSON allows one), as its UTF-16 code units. */
    static void writeString(DataOutput out, String text) throws IOException {
        writeStrings(out, new String[] {text}, 1);
    }

    static String readString(DataInput in) throws IOException {
        return readStrings(in, 1)[0];
    }

    /**
     * Strings, some of them null, as their lengths (-1 for null) and then all their UTF-16 code units in one
     * run: two bulk reads however many strings there are.
     */
    static void writeStrings(DataOutput out, String[] strings, int count) throws IOException {
        int[] lengths = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            lengths[i] = strings[i] == null ? -1 : strings[i].length();
            total += Math.max(lengths[i], 0);
        }
        byte[] units = new byte[total * Character.BYTES];
        int at = 0;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < lengths[i]; c++, at += 2) {
                char unit = strings[i].charAt(c);
                units[at] = (byte) (unit >>> 8);
                units[at + 1] = (byte) unit;
            }
        }
        writeInts(out, lengths, count);
        out.writeInt(units.length);
        out.write(units);
    }

    static String[] readStrings(DataInput in, int count) throws IOException {
        int[] lengths = readInts(in, count);
        byte[] units = new byte[readCount(in)];
        in.readFully(units);
        String[] strings = new String[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (lengths[i] < -1 || at + lengths[i] * 2L > units.length) {
                throw new IOException("damaged snapshot: string length " + lengths[i]);
            }
            if (lengths[i] >= 0) {
                char[] chars = new char[lengths[i]];
                for (int c = 0; c < chars.length; c++, at += 2) {
                    chars[c] = (char) ((units[at] & 0xFF) << 8 | units[at + 1] & 0xFF);
                }
                strings[i] = new String(chars);
            }
        }
        return strings;
    }
}
