package dev.timelines.adapters.out.journal;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;

/** An exclusive lock on a journal directory: two writers appending to the same segments would interleave frames. */
final class DirectoryLock implements Closeable {

    private static final String FILE_NAME = "journal.lock";

    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Locks {@code dir}, failing at once if another process, or another log in this one, holds it. */
    static DirectoryLock acquire(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), CREATE, WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new JournalException("the journal in " + dir + " is in use by another process");
            }
            return new DirectoryLock(channel);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new JournalException("the journal in " + dir + " is already open in this process", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
