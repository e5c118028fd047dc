package dev.timelines.adapters.out.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strings, some of them null, as their lengths (-1 for null) and all their UTF-16 code units in one run: one
 * byte a unit when every unit fits in one, as in most ids. How an image holds a timeline's event ids, so that
 * loading it makes no object per id until the timeline needs them; lone surrogates (JSON allows them) survive.
 */
record StringColumn(int[] lengths, int width, byte[] units) {

    static StringColumn of(String[] strings, int count) {
        int[] lengths = new int[count];
        int total = 0;
        boolean latin1 = true;
        for (int i = 0; i < count; i++) {
            lengths[i] = strings[i] == null ? -1 : strings[i].length();
            total += Math.max(lengths[i], 0);
            for (int c = 0; latin1 && c < lengths[i]; c++) {
                latin1 = strings[i].charAt(c) < 256;
            }
        }
        int width = latin1 ? 1 : Character.BYTES;
        byte[] units = new byte[total * width];
        int at = 0;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < lengths[i]; c++, at += width) {
                char unit = strings[i].charAt(c);
                units[at + width - 1] = (byte) unit;
                if (width == Character.BYTES) {
                    units[at] = (byte) (unit >>> 8);
                }
            }
        }
        return new StringColumn(lengths, width, units);
    }

    /** The strings, decoded. */
    String[] strings() {
        String[] strings = new String[lengths.length];
        int at = 0;
        for (int i = 0; i < strings.length; i++) {
            if (lengths[i] >= 0) {
                strings[i] = width == 1 ? new String(units, at, lengths[i], StandardCharsets.ISO_8859_1)
                        : utf16(at, lengths[i]);
                at += lengths[i] * width;
            }
        }
        return strings;
    }

    void writeTo(DataOutput out) throws IOException {
        ImageIo.writeInts(out, lengths, lengths.length);
        out.writeByte(width);
        out.writeInt(units.length);
        out.write(units);
    }

    /** Reads {@code count} strings, checking that their lengths fit the units (only decoding trusts that). */
    static StringColumn readFrom(DataInput in, int count) throws IOException {
        int[] lengths = ImageIo.readInts(in, count);
        int width = in.readByte();
        if (width != 1 && width != Character.BYTES) {
            throw new IOException("damaged snapshot: code units of " + width + " bytes");
        }
        byte[] units = new byte[ImageIo.readCount(in)];
        in.readFully(units);
        long total = 0;
        for (int length : lengths) {
            if (length < -1) {
                throw new IOException("damaged snapshot: string length " + length);
            }
            total += Math.max(length, 0) * (long) width;
        }
        if (total != units.length) {
            throw new IOException("damaged snapshot: " + total + " bytes of strings, " + units.length + " stored");
        }
        return new StringColumn(lengths, width, units);
    }

    private String utf16(int from, int length) {
        char[] chars = new char[length];
        for (int c = 0; c < length; c++) {
            chars[c] = (char) ((units[from + 2 * c] & 0xFF) << 8 | units[from + 2 * c + 1] & 0xFF);
        }
        return new String(chars);
    }
}
