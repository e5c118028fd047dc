package dev.timelines.adapters.out.journal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record of the log: an opaque payload tagged with a one-byte type chosen by the caller.
 *
 * <p>The log neither copies nor interprets the payload: do not change the array after appending it.
 */
public record JournalRecord(byte type, byte[] payload) {

    public JournalRecord {
        Objects.requireNonNull(payload, "payload");
    }

    // A record's identity is its bytes, not the array instance (the generated equals would compare references).
    @Override
    public boolean equals(Object other) {
        return other instanceof JournalRecord that && type == that.type && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        int shown = Math.min(payload.length, 16);
        return "JournalRecord[type=" + type + ", " + payload.length + " bytes: "
                + HexFormat.of().formatHex(payload, 0, shown) + (shown < payload.length ? "…" : "") + "]";
    }
}
