package dev.timelines.adapters.out.memory;

import dev.timelines.domain.EventId;
import dev.timelines.domain.TimelineKey;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One timeline's events as {@link StoredTimeline} holds them: parallel arrays of exactly {@code size} events,
 * the encoded data they point into, and their ids: as objects ({@code eventIds}) when copied from a store, still
 * encoded ({@code storedIds}) when read from a snapshot or copied from a timeline that has not decoded them;
 * both null when no event has an id.
 */
record TimelineImage(TimelineKey key, int size, long[] timestamps, long[] seqs, int[] dataAt, byte[] data,
        EventId[] eventIds, StringColumn storedIds) {

    void writeTo(DataOutput out) throws IOException {
        ImageIo.writeString(out, key.value());
        out.writeInt(size);
        ImageIo.writeLongs(out, timestamps, size);
        ImageIo.writeLongs(out, seqs, size);
        ImageIo.writeInts(out, dataAt, size);
        out.writeInt(data.length);
        out.write(data);
        out.writeBoolean(eventIds != null || storedIds != null);
        if (storedIds != null) {
            storedIds.writeTo(out);
        } else if (eventIds != null) {
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = eventIds[i] == null ? null : eventIds[i].value();
            }
            StringColumn.of(ids, size).writeTo(out);
        }
    }

    static TimelineImage readFrom(DataInput in) throws IOException {
        TimelineKey key = new TimelineKey(ImageIo.readString(in));
        int size = ImageIo.readCount(in);
        long[] timestamps = ImageIo.readLongs(in, size);
        long[] seqs = ImageIo.readLongs(in, size);
        int[] dataAt = ImageIo.readInts(in, size);
        byte[] data = new byte[ImageIo.readCount(in)];
        in.readFully(data);
        StringColumn ids = in.readBoolean() ? StringColumn.readFrom(in, size) : null;
        return new TimelineImage(key, size, timestamps, seqs, dataAt, data, null, ids);
    }
}
