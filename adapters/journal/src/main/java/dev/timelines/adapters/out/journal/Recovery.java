package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.SegmentFormat.FRAME_HEADER_BYTES;
import static dev.timelines.adapters.out.journal.SegmentFormat.HEADER_BYTES;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens a journal directory: replays every complete batch to the visitor, cuts off a torn tail, and reports a
 * corrupt middle (or, when the operator allowed it, cuts it off too, keeping a copy aside).
 *
 * <p>A torn tail is damage in the last segment with no valid frame after it: what an interrupted append
 * leaves. Anything else is corruption: damage followed by valid frames or by later segments (segments roll
 * over only after the previous one is fsynced, so only the last one can be torn), a bad header on a segment
 * that holds records, or a missing segment.
 */
final class Recovery {

    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    private final Path dir;
    private final FileLayer files;
    private final LogOptions options;
    private final RecordVisitor visitor;
    private final Optional<ReplayStart> start;
    /** The last valid frame seen so far: where appends continue from. */
    private FrameId lastFrame;

    Recovery(Path dir, FileLayer files, LogOptions options, RecordVisitor visitor, Optional<ReplayStart> start) {
        this.dir = dir;
        this.files = files;
        this.options = options;
        this.visitor = visitor;
        this.start = start;
    }

    /** The segment appends continue in, open and positioned at its end, and the last frame (null if none). */
    record Tail(long number, SegmentFile file, long size, FrameId lastFrame) {
    }

    /** How far a segment's bytes are valid, and what is wrong past that point. */
    private record Scan(int validEnd, String problem, boolean validDataAfter) {

        static Scan clean(int end) {
            return new Scan(end, null, false);
        }

        boolean isClean() {
            return problem == null;
        }
    }

    /**
     * Finishes or undoes an interrupted compaction, replays the directory's segments and returns the tail to
     * append to, creating segment 1 in an empty directory. The first segment may have any number: compaction
     * replaces the head of the log with fewer segments numbered just below the rest.
     *
     * <p>With a {@link ReplayStart} whose frame is in the log, replay resumes right after that frame; the
     * segments before its segment are then not read at all (compaction reads and checks them).
     */
    Tail run() throws IOException {
        CompactionFiles.recover(files, dir);
        List<Path> segments = withoutMissingSegments(SegmentFiles.list(dir));
        if (segments.isEmpty()) {
            start.ifPresent(resume -> resume.rejected("the journal holds no segments"));
            return fresh(1);
        }
        Resumption resumption = Resumption.FROM_HEAD;
        if (start.isPresent()) {
            resumption = resumption(segments, start.get().frame());
            if (resumption.problem() != null) {
                start.get().rejected(resumption.problem());
                resumption = Resumption.FROM_HEAD;
            } else {
                start.get().accepted();
                lastFrame = start.get().frame();
            }
        }
        int first = resumption.segmentIndex();
        for (int i = first; i < segments.size(); i++) {
            Path path = segments.get(i);
            long number = SegmentFiles.number(path);
            boolean last = i == segments.size() - 1;
            SegmentFile file = files.open(path);
            try {
                Scan scan = replay(path, number, file, i == first ? resumption.offset() : HEADER_BYTES);
                if (scan.isClean() && !last) {
                    file.close();
                } else if (scan.isClean()) {
                    return new Tail(number, file, scan.validEnd(), lastFrame);
                } else if (last && !scan.validDataAfter()) {
                    return cutTornTail(path, number, file, scan);
                } else if (options.truncateCorruptTail()) {
                    return cutCorruptTail(segments.subList(i, segments.size()), file, scan);
                } else {
                    throw new CorruptJournalException(path, scan.validEnd(), scan.problem());
                }
            } catch (IOException | RuntimeException e) {
                SegmentFiles.closeAfterFailure(file, e);
                throw e;
            }
        }
        throw new AssertionError("the last segment always returns a tail");
    }

    /** Where replay resumes after a frame, or why it cannot. */
    private record Resumption(int segmentIndex, int offset, String problem) {

        static final Resumption FROM_HEAD = new Resumption(0, HEADER_BYTES, null);

        static Resumption impossible(String problem) {
            return new Resumption(0, HEADER_BYTES, problem);
        }
    }

    /** Finds the frame in the log and checks it is the one that was written there. */
    private Resumption resumption(List<Path> segments, FrameId frame) throws IOException {
        int index = segments.indexOf(SegmentFiles.path(dir, frame.segment()));
        if (index < 0) {
            return Resumption.impossible("segment " + frame.segment() + " is not in the journal (lost or compacted)");
        }
        try (SegmentFile file = files.open(segments.get(index))) {
            long size = file.size();
            String notThere = "segment " + frame.segment() + " (" + size + " bytes) holds no such frame at offset "
                    + frame.offset() + " (truncated, compacted or restored since)";
            if (frame.offset() < HEADER_BYTES || frame.offset() + FRAME_HEADER_BYTES > size) {
                return Resumption.impossible(notThere);
            }
            // A damaged header would have recovery cut the whole segment, frame included.
            ByteBuffer segmentHeader = ByteBuffer.allocate(HEADER_BYTES);
            file.readFully(segmentHeader, 0);
            Optional<String> headerProblem = SegmentFormat.headerProblem(segmentHeader, frame.segment());
            if (headerProblem.isPresent()) {
                return Resumption.impossible("segment " + frame.segment() + ": " + headerProblem.get());
            }
            ByteBuffer frameHeader = ByteBuffer.allocate(FRAME_HEADER_BYTES);
            file.readFully(frameHeader, frame.offset());
            long length = frameHeader.getInt(0);
            if (length < 0 || frame.offset() + FRAME_HEADER_BYTES + length > size) {
                return Resumption.impossible(notThere);
            }
            ByteBuffer bytes = ByteBuffer.allocate(FRAME_HEADER_BYTES + (int) length);
            file.readFully(bytes, frame.offset());
            if (SegmentFormat.validFrameAt(bytes, 0) != length
                    || SegmentFormat.storedChecksum(bytes, 0) != frame.checksum()) {
                return Resumption.impossible("the frame at offset " + frame.offset() + " of segment " + frame.segment()
                        + " is not the one covered (truncated, compacted or restored since)");
            }
            return new Resumption(index, (int) (frame.offset() + FRAME_HEADER_BYTES + length), null);
        }
    }

    private List<Path> withoutMissingSegments(List<Path> segments) throws IOException {
        for (int i = 1; i < segments.size(); i++) {
            long previous = SegmentFiles.number(segments.get(i - 1));
            if (SegmentFiles.number(segments.get(i)) != previous + 1) {
                Path missing = SegmentFiles.path(dir, previous + 1);
                if (!options.truncateCorruptTail()) {
                    throw new CorruptJournalException(missing, 0, "segment file missing");
                }
                List<Path> after = segments.subList(i, segments.size());
                LOG.log(ERROR, () -> "CORRUPT JOURNAL: " + missing + " is missing. truncate-corrupt-tail is set, so the "
                        + after.size() + " segments after the gap are dropped (moved aside)");
                moveAside(after, quarantineSuffix());
                files.forceDirectory(dir);
                return segments.subList(0, i);
            }
        }
        return segments;
    }

    /** Replays the segment's valid frames from {@code from} on, in order, and says where (and why) they stop. */
    private Scan replay(Path path, long number, SegmentFile file, int from) throws IOException {
        long size = file.size();
        if (size > Integer.MAX_VALUE) {
            return new Scan(0, "segment of " + size + " bytes is larger than any this journal writes", true);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        file.readFully(bytes, 0);
        Optional<String> headerProblem = SegmentFormat.headerProblem(bytes, number);
        if (headerProblem.isPresent()) {
            // No header-only file ever held records; a longer one had records appended after a durable header.
            return new Scan(0, headerProblem.get(), size > HEADER_BYTES);
        }
        int offset = from;
        while (offset < bytes.limit()) {
            int length = SegmentFormat.validFrameAt(bytes, offset);
            if (length < 0) {
                return new Scan(offset, "damaged record (bad length or checksum)",
                        SegmentFormat.validFrameAfter(bytes, offset));
            }
            List<SegmentFormat.Entry> entries;
            try {
                entries = SegmentFormat.entries(bytes, offset, length);
            } catch (IllegalArgumentException malformed) {
                return new Scan(offset, "malformed batch: " + malformed.getMessage(), true);
            }
            for (SegmentFormat.Entry entry : entries) {
                visitor.visit(entry.record(), new LogPosition(number, entry.offset()));
            }
            lastFrame = new FrameId(number, offset, SegmentFormat.storedChecksum(bytes, offset));
            offset += FRAME_HEADER_BYTES + length;
        }
        return Scan.clean(offset);
    }

    private Tail cutTornTail(Path path, long number, SegmentFile file, Scan scan) throws IOException {
        long size = file.size();
        if (scan.validEnd() < HEADER_BYTES) {
            LOG.log(WARNING, () -> "journal segment " + path + " has an incomplete header (" + size
                    + " bytes), left by a crash while it was being created; rewriting the header");
            file.truncate(0);
            file.append(SegmentFormat.header(number));
            file.force();
            return new Tail(number, file, HEADER_BYTES, lastFrame);
        }
        LOG.log(WARNING, () -> "truncating the torn tail of journal segment " + path + ": " + (size - scan.validEnd())
                + " bytes from offset " + scan.validEnd() + " (" + scan.problem()
                + "), left by an interrupted append");
        file.truncate(scan.validEnd());
        file.force();
        return new Tail(number, file, scan.validEnd(), lastFrame);
    }

    private Tail cutCorruptTail(List<Path> fromDamaged, SegmentFile file, Scan scan) throws IOException {
        Path damaged = fromDamaged.get(0);
        long number = SegmentFiles.number(damaged);
        List<Path> later = fromDamaged.subList(1, fromDamaged.size());
        String suffix = quarantineSuffix();
        LOG.log(ERROR, () -> "CORRUPT JOURNAL: " + scan.problem() + " in " + damaged + " at byte offset "
                + scan.validEnd() + ". truncate-corrupt-tail is set, so everything from there on is dropped, including "
                + later.size() + " later segments; the original files are kept as *" + suffix);
        moveAside(later, suffix);
        if (scan.validEnd() < HEADER_BYTES) {
            file.close();
            moveAside(List.of(damaged), suffix);
            files.forceDirectory(dir);
            return fresh(number);
        }
        Path copy = aside(damaged, suffix);
        Files.copy(damaged, copy);
        try (FileChannel copied = FileChannel.open(copy, WRITE)) {
            copied.force(true);
        }
        files.forceDirectory(dir);
        file.truncate(scan.validEnd());
        file.force();
        return new Tail(number, file, scan.validEnd(), lastFrame);
    }

    private Tail fresh(long number) throws IOException {
        return new Tail(number, SegmentFiles.create(files, dir, number), HEADER_BYTES, lastFrame);
    }

    private static void moveAside(List<Path> segments, String suffix) throws IOException {
        for (Path segment : segments) {
            Files.move(segment, aside(segment, suffix));
        }
    }

    private static Path aside(Path segment, String suffix) {
        return segment.resolveSibling(segment.getFileName() + suffix);
    }

    private static String quarantineSuffix() {
        return ".corrupt-" + System.currentTimeMillis();
    }
}
