package dev.timelines.adapters.out.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of the memory engine's core data at one moment, which a durable log saves as a snapshot and loads at
 * start instead of replaying every event: the timelines with their events (timestamp, seq, id, encoded data)
 * in order, the data dictionary, the reception times, the attribute names in use, the highest seq given, and the
 * history the transitions stream reads (the deleted timelines kept; the rest follows from the events).
 * The attribute indexes are left out: they are derived, and rebuilt on the first question as after any start.
 */
public final class MemoryImage {

    private final long lastSeq;
    private final List<String> names;
    private final Receptions receptions;
    private final Map<String, Long> attributeNames;
    private final List<TimelineImage> timelines;
    private final SeqHistory.Image history;

    MemoryImage(long lastSeq, List<String> names, Receptions receptions, Map<String, Long> attributeNames,
            List<TimelineImage> timelines, SeqHistory.Image history) {
        this.lastSeq = lastSeq;
        this.names = names;
        this.receptions = receptions;
        this.attributeNames = attributeNames;
        this.timelines = timelines;
        this.history = history;
    }

    /** The highest seq the store had given: the next event gets a higher one. */
    public long lastSeq() {
        return lastSeq;
    }

    /** How many events the image holds. */
    public long events() {
        return timelines.stream().mapToLong(TimelineImage::size).sum();
    }

    /** Writes the image; {@link #readFrom} reads it back. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(lastSeq);
        out.writeInt(names.size());
        for (String name : names) {
            ImageIo.writeString(out, name);
        }
        receptions.writeTo(out);
        out.writeInt(attributeNames.size());
        for (Map.Entry<String, Long> name : attributeNames.entrySet()) {
            ImageIo.writeString(out, name.getKey());
            out.writeLong(name.getValue());
        }
        out.writeInt(timelines.size());
        for (TimelineImage timeline : timelines) {
            timeline.writeTo(out);
        }
        history.writeTo(out);
    }

    /**
     * Reads an image that {@link #writeTo} wrote. It trusts its input to be such an image: check the bytes
     * (a checksum, say) before.
     */
    public static MemoryImage readFrom(DataInput in) throws IOException {
        long lastSeq = in.readLong();
        int nameCount = ImageIo.readCount(in);
        List<String> names = new ArrayList<>(nameCount);
        for (int i = 0; i < nameCount; i++) {
            names.add(ImageIo.readString(in));
        }
        Receptions receptions = Receptions.readFrom(in);
        int attributeCount = ImageIo.readCount(in);
        Map<String, Long> attributeNames = new HashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributeNames.put(ImageIo.readString(in), in.readLong());
        }
        int timelineCount = ImageIo.readCount(in);
        List<TimelineImage> timelines = new ArrayList<>(timelineCount);
        for (int i = 0; i < timelineCount; i++) {
            timelines.add(TimelineImage.readFrom(in));
        }
        return new MemoryImage(lastSeq, names, receptions, attributeNames, timelines, SeqHistory.Image.readFrom(in));
    }

    List<String> names() {
        return names;
    }

    Receptions receptions() {
        return receptions;
    }

    Map<String, Long> attributeNames() {
        return attributeNames;
    }

    List<TimelineImage> timelines() {
        return timelines;
    }

    SeqHistory.Image history() {
        return history;
    }
}
