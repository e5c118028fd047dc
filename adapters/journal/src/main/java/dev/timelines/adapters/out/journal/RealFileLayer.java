package dev.timelines.adapters.out.journal;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The file layer over real {@link FileChannel}s. */
final class RealFileLayer implements FileLayer {

    @Override
    public SegmentFile create(Path file) throws IOException {
        return new ChannelFile(FileChannel.open(file, CREATE_NEW, READ, WRITE));
    }

    @Override
    public SegmentFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, READ, WRITE);
        channel.position(channel.size());
        return new ChannelFile(channel);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        // rename(2): atomic, and it replaces the target; a crash leaves either name pointing at the file.
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        // Opening a directory for reading and forcing it fsyncs the directory on Linux (and other POSIX systems).
        try (FileChannel directory = FileChannel.open(dir, READ)) {
            directory.force(true);
        }
    }

    /** A segment file over one channel whose position is always the end of the file. */
    private static final class ChannelFile implements SegmentFile {

        private final FileChannel channel;

        ChannelFile(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void readFully(ByteBuffer target, long position) throws IOException {
            long at = position;
            while (target.hasRemaining()) {
                int read = channel.read(target, at);
                if (read < 0) {
                    throw new EOFException("segment ends at " + at + ", before the " + target.remaining()
                            + " bytes still expected");
                }
                at += read;
            }
        }

        @Override
        public void append(ByteBuffer... buffers) throws IOException {
            long remaining = 0;
            for (ByteBuffer buffer : buffers) {
                remaining += buffer.remaining();
            }
            while (remaining > 0) {
                remaining -= channel.write(buffers);
            }
        }

        @Override
        public void writeAt(ByteBuffer bytes, long position) throws IOException {
            long at = position;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
        }

        @Override
        public void force() throws IOException {
            // force(true): appends change the file's size, which is metadata the data cannot be read back without.
            channel.force(true);
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
