package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** A log written batch by batch, remembering where each batch ends, and ways to damage copies of it. */
final class SegmentFixture {

    final Path dir;
    final List<List<JournalRecord>> batches = new ArrayList<>();
    /** Per batch: the segment it landed in and the offset where its frame starts and ends. */
    final List<Path> segmentOf = new ArrayList<>();
    final List<Long> startOf = new ArrayList<>();
    final List<Long> endOf = new ArrayList<>();

    private SegmentFixture(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code count} batches of 1 to 3 records into {@code dir}, with the segment size of {@code options}. */
    static SegmentFixture write(Path dir, LogOptions options, int count, Random random) {
        SegmentFixture fixture = new SegmentFixture(dir);
        try (RecordLog log = openWithoutWaitingForTheDisk(dir, options, new Replay())) {
            for (int sequence = 0; sequence < count; sequence++) {
                List<JournalRecord> batch = Replay.batch(0, sequence, 1 + random.nextInt(3), random);
                LogPosition first = log.append(batch).get(0);
                Path segment = SegmentFiles.path(dir, first.segment());
                fixture.batches.add(batch);
                fixture.segmentOf.add(segment);
                fixture.startOf.add(first.offset() - SegmentFormat.FRAME_HEADER_BYTES);
                fixture.endOf.add(Files.size(segment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    /**
     * Opens a log whose fsyncs are only simulated: recovery runs over the real files without waiting for the
     * disk, which keeps tests that reopen a log hundreds of times fast.
     */
    static RecordLog openWithoutWaitingForTheDisk(Path dir, LogOptions options, RecordVisitor visitor) {
        return RecordLog.open(dir, options, visitor, new FaultyFileLayer());
    }

    /** The records of the first {@code count} batches, in order. */
    List<JournalRecord> recordsOfFirst(int count) {
        return batches.subList(0, count).stream().flatMap(List::stream).toList();
    }

    /** Replaces {@code target}'s contents with a copy of this log's files. */
    void copyTo(Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(target);
        for (Path segment : SegmentFiles.list(dir)) {
            Files.copy(segment, target.resolve(segment.getFileName()));
        }
    }

    /** Cuts {@code file} to {@code size} bytes. */
    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /** Inverts bit {@code bit} of {@code file} (bit 0 is the lowest bit of byte 0). */
    static void flipBit(Path file, long bit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (bit / 8)] ^= (byte) (1 << (bit % 8));
        Files.write(file, bytes);
    }
}
