package dev.timelines.adapters.out.journal;

import java.nio.file.Path;

/**
 * The journal's files are damaged where recovery must not guess (a corrupt record with valid data after it,
 * a bad segment header, a missing segment): names the file and the byte offset of the damage.
 */
public final class CorruptJournalException extends JournalException {

    private final Path file;
    private final long offset;

    public CorruptJournalException(Path file, long offset, String problem) {
        super(problem + " in " + file + " at byte offset " + offset
                + "; refusing to open. Inspect the file, or restart with truncate-corrupt-tail to drop everything"
                + " from that offset on (a copy is kept aside)");
        this.file = file;
        this.offset = offset;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** The byte offset of the damage within {@link #file()}. */
    public long offset() {
        return offset;
    }
}
