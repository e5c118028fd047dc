package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The files of a compaction in progress and its commit point (the protocol is described on
 * {@link SegmentCompaction}): temporary segment files, named unlike segments so that nothing replays them, and
 * the commit marker, whose durable presence means the compaction happened.
 *
 * <pre>
 * marker = magic "TLCOMMIT" (8) | version int (4) | first new segment number long (8) | last one long (8)
 *          | CRC32C of the previous 28 bytes (4)
 * </pre>
 */
final class CompactionFiles {

    private static final System.Logger LOG = System.getLogger(CompactionFiles.class.getName());

    private static final String MARKER = "compaction.commit";
    private static final Pattern TEMPORARY = Pattern.compile("compaction-\\d{6}\\.tmp");
    private static final byte[] MAGIC = {'T', 'L', 'C', 'O', 'M', 'M', 'I', 'T'};
    private static final int VERSION = 1;
    private static final int MARKER_BYTES = 32;
    private static final int CHECKSUMMED_BYTES = MARKER_BYTES - Integer.BYTES;

    private CompactionFiles() {
    }

    /**
     * The segment numbers the compacted segments take, {@code first} to {@code last} (none when first exceeds
     * last); temporary file i becomes segment first + i, and every segment below first goes.
     */
    record Commit(long first, long last) {

        int segments() {
            return (int) (last - first + 1);
        }
    }

    /** The temporary file that becomes the {@code index}-th compacted segment. */
    static Path temporary(Path dir, int index) {
        return dir.resolve(String.format("compaction-%06d.tmp", index));
    }

    /** Writes the marker durably: from here on the compaction has happened, and a crash rolls it forward. */
    static void commit(FileLayer files, Path dir, Commit commit) throws IOException {
        ByteBuffer marker = ByteBuffer.allocate(MARKER_BYTES).put(MAGIC).putInt(VERSION)
                .putLong(commit.first()).putLong(commit.last());
        marker.putInt(checksum(marker)).flip();
        SegmentFile file = files.create(dir.resolve(MARKER));
        try {
            file.append(marker);
            file.force();
        } catch (IOException | RuntimeException e) {
            SegmentFiles.closeAfterFailure(file, e);
            throw e;
        }
        file.close();
        files.forceDirectory(dir);
    }

    /**
     * Puts the compacted segments in place of the old ones and forgets the marker. Idempotent, so that a
     * crash anywhere in it is finished by running it again.
     */
    static void swap(FileLayer files, Path dir, Commit commit) throws IOException {
        for (int index = 0; index < commit.segments(); index++) {
            Path temporary = temporary(dir, index);
            // Absent: renamed before a crash (a rename leaves one name or the other, never neither).
            if (Files.exists(temporary)) {
                files.move(temporary, SegmentFiles.path(dir, commit.first() + index));
            }
        }
        for (Path segment : SegmentFiles.list(dir)) {
            if (SegmentFiles.number(segment) < commit.first()) {
                files.delete(segment);
            }
        }
        files.forceDirectory(dir);
        // Only now: had the marker gone first, a crash could leave old and new segments side by side.
        files.delete(dir.resolve(MARKER));
        files.forceDirectory(dir);
    }

    /**
     * Finishes or undoes a compaction that a crash interrupted, before the segments are replayed: with a valid
     * marker it redoes the swap; without one, the compaction never committed and its files are deleted.
     */
    static void recover(FileLayer files, Path dir) throws IOException {
        Optional<Commit> commit = committed(dir);
        if (commit.isPresent()) {
            LOG.log(WARNING, () -> "finishing a compaction interrupted after its commit in " + dir + ": segments "
                    + commit.get().first() + " to " + commit.get().last() + " replace the older ones");
            swap(files, dir, commit.get());
            return;
        }
        if (discard(files, dir)) {
            LOG.log(WARNING, () -> "discarded the files of a compaction interrupted before its commit in " + dir
                    + "; the segments it was rewriting stay as they were");
        }
    }

    /** The commit of an unfinished compaction: a marker that is whole and valid. */
    static Optional<Commit> committed(Path dir) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(MARKER));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ByteBuffer marker = ByteBuffer.wrap(bytes);
        boolean valid = bytes.length == MARKER_BYTES
                && marker.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))
                && marker.getInt(MAGIC.length) == VERSION
                && marker.getInt(CHECKSUMMED_BYTES) == checksum(marker);
        if (!valid) {
            // Anything less was being written when a crash struck, before the commit it would have made.
            return Optional.empty();
        }
        int first = MAGIC.length + Integer.BYTES;
        return Optional.of(new Commit(marker.getLong(first), marker.getLong(first + Long.BYTES)));
    }

    /**
     * Deletes, durably, what an uncommitted compaction left: a torn marker, then the temporary files. Returns
     * whether there was anything. The marker goes first: were a temporary file deleted while a valid marker
     * stayed, finishing the swap would take the missing file for one already renamed.
     */
    static boolean discard(FileLayer files, Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        boolean found = Files.exists(marker);
        if (found) {
            files.delete(marker);
            files.forceDirectory(dir);
        }
        List<Path> temporaries = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (TEMPORARY.matcher(entry.getFileName().toString()).matches()) {
                    temporaries.add(entry);
                }
            }
        }
        for (Path temporary : temporaries) {
            files.delete(temporary);
        }
        if (!temporaries.isEmpty()) {
            files.forceDirectory(dir);
        }
        return found || !temporaries.isEmpty();
    }

    private static int checksum(ByteBuffer marker) {
        CRC32C crc = new CRC32C();
        crc.update(marker.slice(0, CHECKSUMMED_BYTES));
        return (int) crc.getValue();
    }
}
