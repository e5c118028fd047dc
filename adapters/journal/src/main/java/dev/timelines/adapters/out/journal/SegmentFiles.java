package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names, lists and creates the segment files of a journal directory. */
final class SegmentFiles {

    // Zero-padded so that a directory listing sorts like the log.
    private static final Pattern NAME = Pattern.compile("segment-(\\d{16})\\.log");

    private SegmentFiles() {
    }

    /** The file of segment {@code number} in {@code dir}. */
    static Path path(Path dir, long number) {
        return dir.resolve(String.format("segment-%016d.log", number));
    }

    /** The segment number a segment file's name carries. */
    static long number(Path segment) {
        Matcher matcher = NAME.matcher(segment.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a segment file: " + segment);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The segment files in {@code dir}, in log order; other files (the lock, quarantined copies) are ignored. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches()) {
                    segments.add(entry);
                }
            }
        }
        segments.sort(Comparator.comparingLong(SegmentFiles::number));
        return segments;
    }

    /**
     * Creates segment {@code number} with its header, durably: the header is fsynced and so is the directory
     * entry, so a crash never leaves a later segment whose existence was not recorded.
     */
    static SegmentFile create(FileLayer files, Path dir, long number) throws IOException {
        SegmentFile segment = files.create(path(dir, number));
        try {
            segment.append(SegmentFormat.header(number));
            segment.force();
            files.forceDirectory(dir);
            return segment;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(segment, e);
            throw e;
        }
    }

    /** Closes a file after {@code failure}, keeping any close error as a suppressed exception. */
    static void closeAfterFailure(SegmentFile file, Throwable failure) {
        try {
            file.close();
        } catch (IOException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }
}
