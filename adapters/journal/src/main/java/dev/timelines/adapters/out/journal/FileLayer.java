package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The few file operations the log performs, behind an interface so tests can inject faults and power loss.
 * Creating, moving and deleting files change the directory, which only {@link #forceDirectory} makes durable.
 */
interface FileLayer {

    /** Creates a new, empty segment file; fails if it exists. */
    SegmentFile create(Path file) throws IOException;

    /** Opens an existing segment file, positioned to append at its end. */
    SegmentFile open(Path file) throws IOException;

    /** Renames {@code from} to {@code to} atomically, replacing {@code to} if it exists. */
    void move(Path from, Path to) throws IOException;

    /** Deletes {@code file} if it exists. */
    void delete(Path file) throws IOException;

    /** Makes the directory's entries (files created, renamed or deleted in it) durable. */
    void forceDirectory(Path dir) throws IOException;
}
