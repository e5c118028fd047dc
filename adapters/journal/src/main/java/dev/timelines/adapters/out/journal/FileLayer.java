package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.Path;

/** The few file operations the log performs, behind an interface so tests can inject faults and power loss. */
interface FileLayer {

    /** Creates a new, empty segment file; fails if it exists. */
    SegmentFile create(Path file) throws IOException;

    /** Opens an existing segment file, positioned to append at its end. */
    SegmentFile open(Path file) throws IOException;

    /** Makes the directory's entries (files created or renamed in it) durable. */
    void forceDirectory(Path dir) throws IOException;
}
