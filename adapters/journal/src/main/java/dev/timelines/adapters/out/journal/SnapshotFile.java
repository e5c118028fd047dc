package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.MemoryImage;
import dev.timelines.domain.TimelineKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The snapshot file of a journal directory ({@value #NAME}), written crash-safely: to a temporary file that is
 * fsynced, renamed over the old snapshot, and made durable by fsyncing the directory. A crash at any point
 * leaves the old snapshot or the new one, whole; a stray temporary file is overwritten by the next snapshot.
 *
 * <pre>
 * file     = magic "TLSNAPSH" (8) | format version int (4) | body | CRC32C of all bytes before it (4)
 * body     = frame segment long | frame offset long | frame checksum int
 *            deletion count int | (timeline key modified-UTF-8 | covered seq long)*
 *            dead bytes length int | dead bytes ({@link DeadBytes#image})
 *            memory image ({@link MemoryImage#writeTo}, with the history the transitions stream reads)
 * </pre>
 *
 * <p>Version 1, written before the image held the history and before its event data could hold string values by
 * dictionary id, is not read: a start then replays the whole journal, which rebuilds the history, and the next
 * snapshot is of version 2. A build that reads only version 1 likewise refuses version 2 and replays the journal.
 *
 * <p>Reading checks the whole file's checksum before decoding any of it, so damage is reported as such,
 * never decoded into absurd sizes.
 */
final class SnapshotFile {

    static final String NAME = "snapshot.bin";
    static final int VERSION = 2;

    private static final String TEMPORARY = "snapshot.bin.tmp";
    private static final byte[] MAGIC = {'T', 'L', 'S', 'N', 'A', 'P', 'S', 'H'};
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileLayer files;
    private final Path dir;

    SnapshotFile(FileLayer files, Path dir) {
        this.files = files;
        this.dir = dir;
    }

    /** Where the snapshot is. */
    Path path() {
        return dir.resolve(NAME);
    }

    /** Whether the directory holds a snapshot (valid or not). */
    boolean exists() {
        return Files.exists(path());
    }

    /** Replaces the snapshot by this one, durably; when it returns, a start finds this one. */
    void write(JournalSnapshot snapshot) throws IOException {
        Path temporary = dir.resolve(TEMPORARY);
        files.delete(temporary);
        try (SegmentFile file = files.create(temporary)) {
            CRC32C crc = new CRC32C();
            AppendingStream appending = new AppendingStream(file);
            // Buffered before the checksum, so that it is computed over large pieces, not field by field.
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new CheckedOutputStream(appending, crc), BUFFER_BYTES));
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeBody(out, snapshot);
            out.flush();
            appending.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
            appending.flush();
            file.force();
        }
        files.move(temporary, path());
        files.forceDirectory(dir);
    }

    /**
     * Reads the snapshot.
     *
     * @throws IOException if it cannot be read, is damaged, or is not a snapshot this build reads; the message
     *     says which
     */
    JournalSnapshot read() throws IOException {
        try (SegmentFile file = files.open(path())) {
            long size = file.size();
            if (size < MAGIC.length + Integer.BYTES * 2) {
                throw new IOException("the snapshot is too short to be one (" + size + " bytes)");
            }
            checkChecksum(file, size - Integer.BYTES);
            DataInputStream in = new DataInputStream(
                    new BufferedInputStream(new ReadingStream(file, size), BUFFER_BYTES));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a snapshot (bad magic bytes)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported snapshot format version " + version + " (this build reads "
                        + VERSION + ")");
            }
            return readBody(in);
        }
    }

    /** Deletes the snapshot, durably, so that no later start can take it for a valid one. */
    void delete() throws IOException {
        files.delete(path());
        files.forceDirectory(dir);
    }

    private static void writeBody(DataOutputStream out, JournalSnapshot snapshot) throws IOException {
        out.writeLong(snapshot.frame().segment());
        out.writeLong(snapshot.frame().offset());
        out.writeInt(snapshot.frame().checksum());
        out.writeInt(snapshot.deletions().size());
        for (Map.Entry<TimelineKey, Long> deletion : snapshot.deletions().entrySet()) {
            out.writeUTF(deletion.getKey().value());
            out.writeLong(deletion.getValue());
        }
        out.writeInt(snapshot.deadBytes().length);
        out.write(snapshot.deadBytes());
        snapshot.memory().writeTo(out);
    }

    private static JournalSnapshot readBody(DataInputStream in) throws IOException {
        FrameId frame = new FrameId(in.readLong(), in.readLong(), in.readInt());
        Map<TimelineKey, Long> deletions = new HashMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            deletions.put(new TimelineKey(in.readUTF()), in.readLong());
        }
        byte[] deadBytes = new byte[in.readInt()];
        in.readFully(deadBytes);
        return new JournalSnapshot(frame, deletions, deadBytes, MemoryImage.readFrom(in));
    }

    private static void checkChecksum(SegmentFile file, long checkedBytes) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        for (long position = 0; position < checkedBytes; position += buffer.capacity()) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), checkedBytes - position));
            file.readFully(buffer, position);
            crc.update(buffer.flip());
        }
        ByteBuffer stored = ByteBuffer.allocate(Integer.BYTES);
        file.readFully(stored, checkedBytes);
        if (stored.getInt(0) != (int) crc.getValue()) {
            throw new IOException("the snapshot is damaged (checksum mismatch)");
        }
    }

    /** Buffers writes and appends them to a file in large pieces. */
    private static final class AppendingStream extends OutputStream {

        private final SegmentFile file;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

        AppendingStream(SegmentFile file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                flush();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                int piece = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, piece);
                offset += piece;
                length -= piece;
            }
        }

        @Override
        public void flush() throws IOException {
            file.append(buffer.flip());
            buffer.clear();
        }
    }

    /** Reads a file from its start, in order. */
    private static final class ReadingStream extends InputStream {

        private final SegmentFile file;
        private final long size;
        private long position;

        ReadingStream(SegmentFile file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            long left = size - position;
            if (left <= 0) {
                return -1;
            }
            int piece = (int) Math.min(length, left);
            file.readFully(ByteBuffer.wrap(bytes, offset, piece), position);
            position += piece;
            return piece;
        }
    }
}
