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
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (int from = 0; from < count; from += CHUNK_BYTES / Long.BYTES) {
            int length = Math.min(CHUNK_BYTES / Long.BYTES, count - from);
            chunk.clear().asLongBuffer().put(values, from, length);
            out.write(chunk.array(), 0, length * Long.BYTES);
        }
    }

    static long[] readLongs(DataInput in, int count) throws IOException {
        long[] values = new long[count];
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int from = 0; from < count; from += CHUNK_BYTES / Long.BYTES) {
            int length = Math.min(CHUNK_BYTES / Long.BYTES, count - from);
            in.readFully(chunk, 0, length * Long.BYTES);
            ByteBuffer.wrap(chunk).asLongBuffer().get(values, from, length);
        }
        return values;
    }

    static void writeInts(DataOutput out, int[] values, int count) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (int from = 0; from < count; from += CHUNK_BYTES / Integer.BYTES) {
            int length = Math.min(CHUNK_BYTES / Integer.BYTES, count - from);
            chunk.clear().asIntBuffer().put(values, from, length);
            out.write(chunk.array(), 0, length * Integer.BYTES);
        }
    }

    static int[] readInts(DataInput in, int count) throws IOException {
        int[] values = new int[count];
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int from = 0; from < count; from += CHUNK_BYTES / Integer.BYTES) {
            int length = Math.min(CHUNK_BYTES / Integer.BYTES, count - from);
            in.readFully(chunk, 0, length * Integer.BYTES);
            ByteBuffer.wrap(chunk).asIntBuffer().get(values, from, length);
        }
        return values;
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
        byte[] units = new byte[text.length() * Character.BYTES];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            units[2 * i] = (byte) (c >>> 8);
            units[2 * i + 1] = (byte) c;
        }
        out.writeInt(text.length());
        out.write(units);
    }

    static String readString(DataInput in) throws IOException {
        char[] chars = new char[readCount(in)];
        byte[] units = new byte[chars.length * Character.BYTES];
        in.readFully(units);
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((units[2 * i] & 0xFF) << 8 | units[2 * i + 1] & 0xFF);
        }
        return new String(chars);
    }
}
