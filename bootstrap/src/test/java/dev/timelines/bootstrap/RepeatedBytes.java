package dev.timelines.bootstrap;

import java.io.InputStream;

/** A large request body made as it is read, never held: {@code count} copies of one unit of bytes. */
final class RepeatedBytes extends InputStream {

    private final byte[] unit;
    private final long size;
    private long position;

    RepeatedBytes(byte[] unit, long count) {
        this.unit = unit.clone();
        this.size = unit.length * count;
    }

    @Override
    public int read() {
        return position < size ? unit[(int) (position++ % unit.length)] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = unit[(int) ((position + i) % unit.length)];
        }
        position += n;
        return n;
    }
}
