package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.SegmentFormat.FRAME_HEADER_BYTES;
import static dev.timelines.adapters.out.journal.SegmentFormat.HEADER_BYTES;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;

/**
 * One compaction: rewrites the closed segments at the head of the log through a {@link CompactionFilter} into
 * fewer, smaller segment files and swaps them in, while the writer appends to later segments.
 *
 * <p>The head of the log, and only closed segments, because then nothing else touches these files, and every
 * record that precedes a compacted one is itself being compacted (a filter can drop a deletion once it has
 * dropped everything deleted). The new files take the numbers just below the first segment not compacted, so
 * the log stays contiguous; it now starts at a higher number.
 *
 * <p>Crash safety rests on one commit point, reached only once everything before it is durable:
 * <ol>
 *   <li><b>Write</b>: the kept records go to temporary files, named unlike segments so that nothing replays
 *       them. Their count gives their numbers; then their headers are written, each file is fsynced, and so is
 *       the directory.
 *   <li><b>Commit</b>: a small checksummed marker file saying which numbers the temporary files take is
 *       written and fsynced, and so is the directory. A crash before it is durable leaves the old segments in
 *       force; after, the new ones.
 *   <li><b>Swap</b> (under the directory lock, briefly): each temporary file is renamed over its segment
 *       number, the older segments are deleted, the directory is fsynced, then the marker is deleted and the
 *       directory fsynced again.
 * </ol>
 * Opening the log first runs {@link CompactionFiles#recover}: with a valid marker it redoes the swap (every
 * step of which is idempotent), otherwise it deletes the temporary files. So a crash anywhere replays either
 * every old segment or every new one: never both (duplicates), never neither (losses).
 */
final class SegmentCompaction {

    private final FileLayer files;
    private final Path dir;
    private final long maxSegmentBytes;
    private final BooleanSupplier cancelled;
    private final Lock directory;

    /**
     * @param cancelled polled between frames: true makes the compaction give up, if it has not committed yet
     * @param directory held while the swap changes which segment files exist
     */
    SegmentCompaction(FileLayer files, Path dir, long maxSegmentBytes, BooleanSupplier cancelled, Lock directory) {
        this.files = files;
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
        this.cancelled = cancelled;
        this.directory = directory;
    }

    /**
     * Compacts {@code segments}, the closed segments at the head of the log, in order.
     *
     * @throws CancellationException if cancelled before the commit; nothing changed
     * @throws IOException if a file operation failed; before the commit nothing changed, after it the next
     *     opening of the log finishes the swap
     */
    CompactionResult run(List<Path> segments, CompactionFilter filter) throws IOException {
        if (CompactionFiles.committed(dir).isPresent()) {
            throw new JournalException("an earlier compaction in " + dir + " committed but did not finish its swap;"
                    + " reopening the journal finishes it");
        }
        CompactionFiles.discard(files, dir);
        long through = SegmentFiles.number(segments.get(segments.size() - 1));
        long bytesBefore = 0;
        CompactionFiles.Commit commit;
        CompactionOutput output = new CompactionOutput(files, dir, maxSegmentBytes);
        try {
            boolean changed = false;
            for (Path segment : segments) {
                ByteBuffer bytes = read(segment);
                bytesBefore += bytes.limit();
                changed |= rewrite(segment, bytes, filter, output);
            }
            List<JournalRecord> trailer = filter.trailer();
            if (!trailer.isEmpty()) {
                output.addToLast(encode(trailer));
                changed = true;
            }
            if (!changed) {
                discard(output, null);
                return new CompactionResult(through, segments.size(), segments.size(), bytesBefore, bytesBefore);
            }
            commit = new CompactionFiles.Commit(through - output.segments() + 1, through);
            if (commit.first() < 1) {
                // Only if the segment size was lowered since those segments were written.
                throw new JournalException("compacting segments up to " + through + " would take " + output.segments()
                        + " segments, more than their numbers leave room for");
            }
            checkNotCancelled();
            output.seal(commit.first());
            output.close();
            CompactionFiles.commit(files, dir, commit);
        } catch (IOException | RuntimeException e) {
            discard(output, e);
            throw e;
        }
        directory.lock();
        try {
            CompactionFiles.swap(files, dir, commit);
        } finally {
            directory.unlock();
        }
        return new CompactionResult(through, segments.size(), output.segments(), bytesBefore, output.bytes());
    }

    private ByteBuffer read(Path segment) throws IOException {
        try (SegmentFile file = files.open(segment)) {
            // Closed segments were validated when the log was opened, or written and fsynced since, and they
            // stay within a few bytes of the segment size bound, which keeps them well inside an int.
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(file.size()));
            file.readFully(bytes, 0);
            return bytes.flip();
        }
    }

    /** Passes the segment's records through the filter into the output; says whether it changed any. */
    private boolean rewrite(Path segment, ByteBuffer bytes, CompactionFilter filter, CompactionOutput output)
            throws IOException {
        SegmentFormat.headerProblem(bytes, SegmentFiles.number(segment)).ifPresent(problem -> {
            throw damaged(segment, 0, problem);
        });
        boolean changed = false;
        int offset = HEADER_BYTES;
        while (offset < bytes.limit()) {
            checkNotCancelled();
            int length = SegmentFormat.validFrameAt(bytes, offset);
            if (length < 0) {
                throw damaged(segment, offset, "damaged record (bad length or checksum)");
            }
            List<SegmentFormat.Entry> entries;
            try {
                entries = SegmentFormat.entries(bytes, offset, length);
            } catch (IllegalArgumentException malformed) {
                throw damaged(segment, offset, "malformed batch: " + malformed.getMessage());
            }
            List<JournalRecord> kept = new ArrayList<>();
            for (SegmentFormat.Entry entry : entries) {
                Optional<JournalRecord> survivor = filter.rewrite(entry.record());
                changed |= survivor.isEmpty() || survivor.get() != entry.record();
                survivor.ifPresent(kept::add);
            }
            if (!kept.isEmpty()) {
                output.add(encode(kept));
            }
            offset += FRAME_HEADER_BYTES + length;
        }
        return changed;
    }

    private static SegmentFormat.Frame encode(List<JournalRecord> records) {
        // No smaller bound than the frame had: it fit a segment when written, perhaps under a larger setting,
        // and refusing it now would stop compaction for good.
        return SegmentFormat.encode(records, Integer.MAX_VALUE);
    }

    private void checkNotCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the journal is closing");
        }
    }

    /** Closes and deletes the temporary files; a failure doing so is added to {@code failure} or thrown. */
    private void discard(CompactionOutput output, Exception failure) throws IOException {
        try {
            output.close();
            CompactionFiles.discard(files, dir);
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static JournalException damaged(Path segment, long offset, String problem) {
        return new JournalException(problem + " in " + segment + " at byte offset " + offset
                + " found while compacting; compaction stops, and the next start reports the damage");
    }
}
