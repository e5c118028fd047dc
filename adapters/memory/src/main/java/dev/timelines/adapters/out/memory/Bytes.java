package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/** A growable byte buffer with the varint writes and reads of {@link DataCodec}. Not thread-safe. */
final class Bytes {

    private byte[] array;
    private int size;

    Bytes() {
        this(16);
    }

    /** An empty buffer with room for {@code capacity} bytes before it grows. */
    Bytes(int capacity) {
        this.array = new byte[capacity];
    }

    /** A buffer holding exactly these bytes, which it takes over (to load an image without copying). */
    Bytes(byte[] content) {
        this.array = content;
        this.size = content.length;
    }

    int size() {
        return size;
    }

    void write(int b) {
        ensure(1);
        array[size++] = (byte) b;
    }

    void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, array, size, bytes.length);
        size += bytes.length;
    }

    /** Unsigned LEB128: 7 bits a byte, so small numbers take one byte. */
    void writeVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        write((int) value);
    }

    /** Signed values zig-zag encoded, so that small negative numbers stay short too. */
    void writeSignedVarint(long value) {
        writeVarint((value << 1) ^ (value >> 63));
    }

    byte get(int position) {
        return array[position];
    }

    /** A copy of the bytes written so far. */
    byte[] copy() {
        return Arrays.copyOf(array, size);
    }

    byte[] range(int from, int length) {
        return Arrays.copyOfRange(array, from, from + length);
    }

    /**
     * Grows by an eighth (16 bytes at least): a timeline's data lives in one of these, and with hundreds of thousands
     * of them growing, their spare room stays near 6% of the data instead of a quarter.
     */
    private void ensure(int more) {
        if (size + more > array.length) {
            array = Arrays.copyOf(array, Math.max(size + more, array.length + Math.max(16, array.length >> 3)));
        }
    }
}
