package dev.timelines.adapters.out.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The byte layout of a segment file (all integers big-endian).
 *
 * <pre>
 * segment = header frame*
 * header  = magic "TLJOURNL" (8) | format version int (4) | segment number long (8) | CRC32C of the previous 20 bytes (4)
 * frame   = length int (4) | type byte (1) = BATCH | CRC32C of type and payload (4) | payload (length bytes)
 * payload = entry+
 * entry   = record type byte (1) | payload length int (4) | record payload
 * </pre>
 *
 * <p>A frame holds one appended batch, so the frame's checksum makes the batch atomic: after a crash a batch
 * is either entirely valid or recognisably damaged, and is never replayed in part.
 */
final class SegmentFormat {

    static final int HEADER_BYTES = 24;
    static final int FRAME_HEADER_BYTES = 9;
    static final int ENTRY_HEADER_BYTES = 5;
    static final int VERSION = 1;
    /** The only frame type so far; the byte leaves room for others (checkpoints, say) without a new version. */
    static final byte BATCH = 1;

    private static final byte[] MAGIC = {'T', 'L', 'J', 'O', 'U', 'R', 'N', 'L'};
    private static final int HEADER_CHECKSUMMED_BYTES = HEADER_BYTES - Integer.BYTES;

    private SegmentFormat() {
    }

    /** The header that starts segment {@code number}. */
    static ByteBuffer header(long number) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(VERSION).putLong(number);
        header.putInt(crc(header.array(), 0, HEADER_CHECKSUMMED_BYTES));
        return header.flip();
    }

    /** What is wrong with the header at the start of {@code segment}, expected to be number {@code number}. */
    static Optional<String> headerProblem(ByteBuffer segment, long number) {
        if (segment.limit() < HEADER_BYTES) {
            return Optional.of("segment header is incomplete");
        }
        if (!segment.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            return Optional.of("not a journal segment (bad magic bytes)");
        }
        if (segment.getInt(HEADER_CHECKSUMMED_BYTES) != crc(segment, 0, HEADER_CHECKSUMMED_BYTES)) {
            return Optional.of("segment header checksum mismatch");
        }
        int version = segment.getInt(MAGIC.length);
        if (version != VERSION) {
            return Optional.of("unsupported journal format version " + version + " (this build reads " + VERSION + ")");
        }
        long stored = segment.getLong(MAGIC.length + Integer.BYTES);
        if (stored != number) {
            return Optional.of("segment header says number " + stored + " but the file name says " + number);
        }
        return Optional.empty();
    }

    /** Encodes a non-empty batch as one frame; refuses a frame larger than {@code maxFrameBytes}. */
    static Frame encode(List<JournalRecord> records, long maxFrameBytes) {
        long size = FRAME_HEADER_BYTES;
        for (JournalRecord record : records) {
            size += ENTRY_HEADER_BYTES + record.payload().length;
        }
        if (size > maxFrameBytes) {
            throw new IllegalArgumentException("batch of " + records.size() + " records needs " + size
                    + " bytes; a segment takes at most " + maxFrameBytes);
        }
        ByteBuffer frame = ByteBuffer.allocate((int) size);
        frame.putInt((int) size - FRAME_HEADER_BYTES).put(BATCH).putInt(0);
        int[] entryOffsets = new int[records.size()];
        for (int i = 0; i < entryOffsets.length; i++) {
            JournalRecord record = records.get(i);
            entryOffsets[i] = frame.position();
            frame.put(record.type()).putInt(record.payload().length).put(record.payload());
        }
        frame.putInt(Integer.BYTES + 1, checksumOfFrame(frame, 0, (int) size - FRAME_HEADER_BYTES));
        return new Frame(frame.flip(), entryOffsets);
    }

    /**
     * The payload length of the valid frame at {@code offset} of {@code segment}, or -1 if the bytes there are
     * not a whole frame with a matching checksum.
     */
    static int validFrameAt(ByteBuffer segment, int offset) {
        int available = segment.limit() - offset - FRAME_HEADER_BYTES;
        if (available < 0) {
            return -1;
        }
        int length = segment.getInt(offset);
        if (length < 0 || length > available || segment.get(offset + Integer.BYTES) != BATCH) {
            return -1;
        }
        return storedChecksum(segment, offset) == checksumOfFrame(segment, offset, length) ? length : -1;
    }

    /**
     * Whether any valid frame starts after {@code offset}: tells a torn tail (nothing valid follows the damage)
     * from a corrupt middle. A false match needs a 32-bit checksum collision; it errs towards reporting corruption.
     */
    static boolean validFrameAfter(ByteBuffer segment, int offset) {
        for (int candidate = offset + 1; candidate <= segment.limit() - FRAME_HEADER_BYTES; candidate++) {
            if (validFrameAt(segment, candidate) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The records of the valid frame at {@code offset}, each with its entry's offset in the segment.
     *
     * @throws IllegalArgumentException if the checksummed payload does not parse into entries, which only a
     *     bug or a foreign writer can cause
     */
    static List<Entry> entries(ByteBuffer segment, int offset, int length) {
        List<Entry> entries = new ArrayList<>();
        int at = offset + FRAME_HEADER_BYTES;
        int end = at + length;
        while (at < end) {
            if (end - at < ENTRY_HEADER_BYTES) {
                throw new IllegalArgumentException("batch ends inside an entry header");
            }
            int payloadLength = segment.getInt(at + 1);
            if (payloadLength < 0 || payloadLength > end - at - ENTRY_HEADER_BYTES) {
                throw new IllegalArgumentException("entry length " + payloadLength + " overruns its batch");
            }
            byte[] payload = new byte[payloadLength];
            segment.get(at + ENTRY_HEADER_BYTES, payload);
            entries.add(new Entry(new JournalRecord(segment.get(at), payload), at));
            at += ENTRY_HEADER_BYTES + payloadLength;
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        return entries;
    }

    /** The checksum stored in the header of the frame at {@code offset}. */
    static int storedChecksum(ByteBuffer segment, int offset) {
        return segment.getInt(offset + Integer.BYTES + 1);
    }

    private static int checksumOfFrame(ByteBuffer segment, int offset, int length) {
        // The type byte sits right before the checksum and the payload right after it; both are covered.
        CRC32C crc = new CRC32C();
        crc.update(segment.get(offset + Integer.BYTES));
        crc.update(segment.slice(offset + FRAME_HEADER_BYTES, length));
        return (int) crc.getValue();
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static int crc(ByteBuffer bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(offset, length));
        return (int) crc.getValue();
    }

    /** One encoded batch: the frame's bytes and where each record's entry starts within them. */
    record Frame(ByteBuffer bytes, int[] entryOffsets) {

        int size() {
            return bytes.remaining();
        }

        /** The frame's identity once written at {@code frameOffset} of segment {@code segment}. */
        FrameId idAt(long segment, long frameOffset) {
            return new FrameId(segment, frameOffset, storedChecksum(bytes, 0));
        }

        /** The records' positions once the frame is written at {@code frameOffset} of segment {@code segment}. */
        List<LogPosition> positionsAt(long segment, long frameOffset) {
            List<LogPosition> positions = new ArrayList<>(entryOffsets.length);
            for (int entryOffset : entryOffsets) {
                positions.add(new LogPosition(segment, frameOffset + entryOffset));
            }
            return positions;
        }
    }

    /** A recovered record and the offset of its entry in the segment. */
    record Entry(JournalRecord record, int offset) {
    }
}
