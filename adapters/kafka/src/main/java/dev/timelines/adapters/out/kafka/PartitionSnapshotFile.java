package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.domain.Event;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The snapshot of one partition of the topic (docs/scaling.md, "Snapshots"): what applying its records up to an
 * offset left in the memory engine, as the events and deletions to replay, in seq order. Written crash-safely (a
 * temporary file, fsynced, renamed over the old one, the directory fsynced) and read only whole: the checksum of
 * the whole file is checked before anything of it is applied.
 *
 * <pre>
 * file  = magic "TLPARTSN" (8) | format version int | topic | partition int | {@link Cover} | entry* | end
 *         | CRC32C of all bytes before it int
 * Cover = offset long | highest seq long | seq floor long | latest reception time long | history horizon long
 *         | cut (UUID: 2 longs)
 * entry = 1 | an event as the topic's records hold it ({@link EventBytes#of}: key, timestamp, seq, received, id,
 *             data), its length int before it
 *       | 2 | timeline key | the seq its deletion took long
 * end   = 0
 * </pre>
 */
final class PartitionSnapshotFile {

    /** 2: the cover holds the partition's whole numbering ({@link PartitionNumbering}), not its highest seq only. */
    static final int VERSION = 2;

    private static final byte[] MAGIC = {'T', 'L', 'P', 'A', 'R', 'T', 'S', 'N'};
    private static final int END = 0;
    private static final int EVENT = 1;
    private static final int DELETION = 2;
    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * What a snapshot covers.
     *
     * @param offset the partition's next record after it: replay starts there
     * @param numbering what the applier kept of the partition to number its later records
     * @param horizon the engine's history horizon then: below it the transitions stream cannot be told
     * @param cut the moment of the snapshot, shared by the partitions written at one consistent moment of one
     *     node: their requests are, in each, all before the offset or all after it ({@link StartPoints})
     */
    record Cover(long offset, PartitionNumbering numbering, long horizon, UUID cut) {
    }

    private final Path dir;
    private final String topic;

    PartitionSnapshotFile(Path dir, String topic) {
        this.dir = dir;
        this.topic = topic;
    }

    Path path(int partition) {
        return dir.resolve(topic + "-" + partition + ".snapshot");
    }

    /** Starts writing a partition's snapshot; {@link Writer#commit} puts it in place of the former one. */
    Writer writer(int partition, Cover cover) throws IOException {
        Files.createDirectories(dir);
        return new Writer(partition, cover);
    }

    /**
     * Opens a partition's snapshot, after checking its checksum, to read its entries in order; empty when there is
     * none.
     *
     * @throws IOException when it cannot be read, is damaged or is not of this partition and format
     */
    Optional<Reader> open(int partition) throws IOException {
        Path path = path(partition);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        // One open file for both passes: a snapshot renamed over this one meanwhile is not read half.
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            checkChecksum(channel);
            channel.position(0);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel),
                    BUFFER_BYTES));
            return Optional.of(new Reader(readHead(in, partition), in));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An event, or a deletion with the seq it took. */
    record Entry(TimelineKey key, Event event, long deletionSeq) {

        static Entry of(TimelineKey key, Event event) {
            return new Entry(key, event, 0);
        }

        static Entry deletion(TimelineKey key, long seq) {
            return new Entry(key, null, seq);
        }

        long seq() {
            return event == null ? deletionSeq : event.seq();
        }
    }

    /** A snapshot being read: what it covers, then its entries in seq order. */
    static final class Reader implements AutoCloseable {

        private final Cover cover;
        private final DataInputStream in;
        private boolean ended;

        private Reader(Cover cover, DataInputStream in) {
            this.cover = cover;
            this.in = in;
        }

        Cover cover() {
            return cover;
        }

        /** The next entry; empty after the last. */
        Optional<Entry> next() throws IOException {
            if (ended) {
                return Optional.empty();
            }
            int entry = in.readByte();
            if (entry == EVENT) {
                TimelineEvent event = EventBytes.from(in.readNBytes(in.readInt()));
                return Optional.of(Entry.of(event.timeline(), event.event()));
            } else if (entry == DELETION) {
                return Optional.of(Entry.deletion(new TimelineKey(EventBytes.readString(in)), in.readLong()));
            } else if (entry == END) {
                ended = true;
                return Optional.empty();
            }
            throw new IOException("unknown snapshot entry " + entry);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private Cover readHead(DataInputStream in, int partition) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a partition snapshot (bad magic bytes)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported snapshot format version " + version + " (this build reads "
                    + VERSION + ")");
        }
        String itsTopic = EventBytes.readString(in);
        int itsPartition = in.readInt();
        if (!itsTopic.equals(topic) || itsPartition != partition) {
            throw new IOException("a snapshot of partition " + itsPartition + " of topic " + itsTopic);
        }
        long offset = in.readLong();
        PartitionNumbering numbering = new PartitionNumbering(in.readLong(), in.readLong(), in.readLong());
        return new Cover(offset, numbering, in.readLong(), new UUID(in.readLong(), in.readLong()));
    }

    private static void checkChecksum(FileChannel channel) throws IOException {
        long checked = channel.size() - Integer.BYTES;
        if (checked < MAGIC.length) {
            throw new IOException("too short to be a snapshot (" + channel.size() + " bytes)");
        }
        CRC32C crc = new CRC32C();
        InputStream in = new CheckedInputStream(Channels.newInputStream(channel), crc);
        byte[] buffer = new byte[BUFFER_BYTES];
        for (long left = checked; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the snapshot ended early");
            }
            left -= read;
        }
        ByteBuffer stored = ByteBuffer.allocate(Integer.BYTES);
        while (stored.hasRemaining() && channel.read(stored) >= 0) {
            // reads the four bytes of the checksum
        }
        if (stored.hasRemaining() || stored.getInt(0) != (int) crc.getValue()) {
            throw new IOException("the snapshot is damaged (checksum mismatch)");
        }
    }

    /** One partition's snapshot being written: its events and deletions in seq order, then {@link #commit}. */
    final class Writer implements AutoCloseable {

        private final int partition;
        private final Path temporary;
        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final DataOutputStream out;
        private boolean committed;

        private Writer(int partition, Cover cover) throws IOException {
            this.partition = partition;
            this.temporary = dir.resolve(topic + "-" + partition + ".snapshot.tmp");
            this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // Buffered before the checksum, so that it is computed over large pieces, not field by field.
            this.out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(
                    Channels.newOutputStream(channel), crc), BUFFER_BYTES));
            out.write(MAGIC);
            out.writeInt(VERSION);
            EventBytes.writeString(out, topic);
            out.writeInt(partition);
            out.writeLong(cover.offset());
            out.writeLong(cover.numbering().highestSeq());
            out.writeLong(cover.numbering().seqFloor());
            out.writeLong(cover.numbering().latestReceived());
            out.writeLong(cover.horizon());
            out.writeLong(cover.cut().getMostSignificantBits());
            out.writeLong(cover.cut().getLeastSignificantBits());
        }

        void write(Entry entry) throws IOException {
            if (entry.event() != null) {
                byte[] bytes = EventBytes.of(entry.key(), entry.event());
                out.writeByte(EVENT);
                out.writeInt(bytes.length);
                out.write(bytes);
            } else {
                out.writeByte(DELETION);
                EventBytes.writeString(out, entry.key().value());
                out.writeLong(entry.deletionSeq());
            }
        }

        /** Ends the file, makes it durable and puts it in place of the partition's former snapshot. */
        void commit() throws IOException {
            out.writeByte(END);
            out.flush();
            channel.write(ByteBuffer.allocate(Integer.BYTES).putInt(0, (int) crc.getValue()));
            channel.force(true);
            channel.close();
            Files.move(temporary, path(partition), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            // Opening a directory for reading and forcing it fsyncs the rename (Linux and other POSIX systems).
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            committed = true;
        }

        /** A snapshot not committed leaves the former one in place. */
        @Override
        public void close() throws IOException {
            channel.close();
            if (!committed) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
