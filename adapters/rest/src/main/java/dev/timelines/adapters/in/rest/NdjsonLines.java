package dev.timelines.adapters.in.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream on {@code '\n'} one line at a time, so that an NDJSON body is never held whole: only the
 * current line is. The last line may lack its {@code '\n'}; a {@code '\n'} at the very end starts no line.
 */
final class NdjsonLines {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private int position;
    private int end;
    private boolean exhausted;
    private byte[] line = new byte[1024];
    private int length;

    NdjsonLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line into {@link #bytes()}; false when the stream has no more. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                return any;
            }
            any = true;
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            append(stop - position);
            position = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return true;
            }
        }
    }

    /** The current line's bytes, without its {@code '\n'}: valid up to {@link #length()}, until the next call. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int n = in.read(chunk);
        if (n < 0) {
            exhausted = true;
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    private int indexOfNewline() {
        for (int i = position; i < end; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, position, line, length, count);
        length += count;
    }
}
