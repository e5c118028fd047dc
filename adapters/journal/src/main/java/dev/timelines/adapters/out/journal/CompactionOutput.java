package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a compaction's kept frames into temporary segment files of bounded size, in order. A file's number
 * is known only once the last file is written (the last one takes the last compacted segment's number), so
 * each file starts with a blank header that {@link #seal} fills in.
 */
final class CompactionOutput implements AutoCloseable {

    // Frames are small; gathering them keeps the writes, not the syscalls, the cost.
    private static final int WRITE_BYTES = 1 << 20;

    private final FileLayer files;
    private final Path dir;
    private final long maxSegmentBytes;
    private final List<SegmentFile> written = new ArrayList<>();
    private final List<ByteBuffer> gathered = new ArrayList<>();
    private long gatheredBytes;
    private long size;
    private long totalBytes;

    CompactionOutput(FileLayer files, Path dir, long maxSegmentBytes) {
        this.files = files;
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** Adds a frame, beginning a new file when it would overflow this one (a frame always fits an empty file). */
    void add(SegmentFormat.Frame frame) throws IOException {
        if (written.isEmpty() || size > SegmentFormat.HEADER_BYTES && size + frame.size() > maxSegmentBytes) {
            begin();
        }
        append(frame);
    }

    /**
     * Adds a small frame to the last file even if that takes it past the size bound. Kept frames are no larger
     * than the ones they replace, so they take no more files than the segments compacted, which the numbering
     * relies on; an extra file for a few bytes at the end could break that.
     */
    void addToLast(SegmentFormat.Frame frame) throws IOException {
        if (written.isEmpty()) {
            begin();
        }
        append(frame);
    }

    private void append(SegmentFormat.Frame frame) throws IOException {
        gathered.add(frame.bytes());
        gatheredBytes += frame.size();
        size += frame.size();
        if (gatheredBytes >= WRITE_BYTES) {
            flush();
        }
    }

    /** How many files the frames took so far. */
    int segments() {
        return written.size();
    }

    /** The bytes of the files so far, headers included. */
    long bytes() {
        return totalBytes + (written.isEmpty() ? 0 : size);
    }

    /** Numbers the files from {@code first} on, writes their headers and makes them and their names durable. */
    void seal(long first) throws IOException {
        flush();
        for (int index = 0; index < written.size(); index++) {
            SegmentFile file = written.get(index);
            file.writeAt(SegmentFormat.header(first + index), 0);
            file.force();
        }
        files.forceDirectory(dir);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SegmentFile file : written) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void begin() throws IOException {
        flush();
        totalBytes += written.isEmpty() ? 0 : size;
        SegmentFile file = files.create(CompactionFiles.temporary(dir, written.size()));
        written.add(file);
        file.append(ByteBuffer.allocate(SegmentFormat.HEADER_BYTES));
        size = SegmentFormat.HEADER_BYTES;
    }

    private void flush() throws IOException {
        if (!gathered.isEmpty()) {
            written.get(written.size() - 1).append(gathered.toArray(ByteBuffer[]::new));
            gathered.clear();
            gatheredBytes = 0;
        }
    }
}
