package dev.timelines.adapters.out.memory;

import dev.timelines.domain.EventId;
import dev.timelines.domain.TimelineKey;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One timeline's events as {@link StoredTimeline} holds them: parallel arrays of exactly {@code size} events,
 * the encoded data they point into, and their ids ({@code eventIds} null when none has one).
 */
record TimelineImage(TimelineKey key, int size, long[] timestamps, long[] seqs, int[] dataAt, byte[] data,
        EventId[] eventIds) {

    void writeTo(DataOutput out) throws IOException {
        ImageIo.writeString(out, key.value());
        out.writeInt(size);
        ImageIo.writeLongs(out, timestamps, size);
        ImageIo.writeLongs(out, seqs, size);
        ImageIo.writeInts(out, dataAt, size);
        out.writeInt(data.length);
        out.write(data);
        out.writeBoolean(eventIds != null);
        if (eventIds != null) {
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = eventIds[i] == null ? null : eventIds[i].value();
            }
            ImageIo.writeStrings(out, ids, size);
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
        EventId[] eventIds = null;
        if (in.readBoolean()) {
            String[] ids = ImageIo.readStrings(in, size);
            eventIds = new EventId[size];
            for (int i = 0; i < size; i++) {
                eventIds[i] = ids[i] == null ? null : new EventId(ids[i]);
            }
        }
        return new TimelineImage(key, size, timestamps, seqs, dataAt, data, eventIds);
    }
}
