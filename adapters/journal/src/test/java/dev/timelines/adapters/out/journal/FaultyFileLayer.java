package dev.timelines.adapters.out.journal;

import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A file layer over real files that models the page cache: it remembers how much of each file an fsync made
 * durable, can simulate a power loss (unsynced bytes vanish, except a random torn prefix; files whose directory
 * entry was never fsynced vanish entirely), and injects write and fsync failures. Durability is simulated, so
 * it skips the real fsyncs and runs fast.
 */
final class FaultyFileLayer implements FileLayer {

    private final RealFileLayer real = new RealFileLayer();
    private final List<Tracked> files = new ArrayList<>();
    private final AtomicInteger forces = new AtomicInteger();
    private volatile IOException writeFailure;
    private volatile IOException forceFailure;
    private volatile long forceDelayNanos;
    private boolean poweredOff;

    /** Every later write fails like a full disk. */
    void failWrites() {
        writeFailure = new IOException("No space left on device (injected)");
    }

    /** Every later fsync fails like a disk I/O error. */
    void failForces() {
        forceFailure = new IOException("Input/output error (injected fsync failure)");
    }

    /** Makes each fsync take this long, as a real disk's would, so concurrent appends can pile up behind it. */
    void slowForces(Duration delay) {
        forceDelayNanos = delay.toNanos();
    }

    /** The fsyncs attempted on segment files so far. */
    int forces() {
        return forces.get();
    }

    /** How many bytes of {@code file} the last fsync made durable. */
    synchronized long syncedBytes(Path file) {
        return files.stream().filter(f -> f.path.equals(file)).mapToLong(f -> f.synced).max().orElse(0);
    }

    /**
     * Cuts the power: every open file loses its unsynced bytes except a random prefix of them (a torn write),
     * files whose directory entry was never fsynced disappear, and every later operation fails.
     */
    synchronized void powerLoss(Random random) throws IOException {
        poweredOff = true;
        for (Tracked file : files) {
            file.delegate.close();
            if (!file.entryDurable) {
                Files.deleteIfExists(file.path);
            } else if (Files.exists(file.path)) {
                long unsynced = Files.size(file.path) - file.synced;
                try (FileChannel channel = FileChannel.open(file.path, WRITE)) {
                    channel.truncate(file.synced + (unsynced > 0 ? random.nextLong(unsynced + 1) : 0));
                }
            }
        }
    }

    @Override
    public synchronized SegmentFile create(Path file) throws IOException {
        checkPower();
        return track(new Tracked(file, real.create(file), 0, false));
    }

    @Override
    public synchronized SegmentFile open(Path file) throws IOException {
        checkPower();
        SegmentFile opened = real.open(file);
        return track(new Tracked(file, opened, opened.size(), true));
    }

    @Override
    public synchronized void forceDirectory(Path dir) throws IOException {
        checkPower();
        for (Tracked file : files) {
            if (file.path.getParent().equals(dir)) {
                file.entryDurable = true;
            }
        }
    }

    private Tracked track(Tracked file) {
        files.add(file);
        return file;
    }

    private void checkPower() throws IOException {
        if (poweredOff) {
            throw new IOException("power lost");
        }
    }

    /** One open file and what of it is durable. */
    private final class Tracked implements SegmentFile {

        final Path path;
        final SegmentFile delegate;
        long synced;
        boolean entryDurable;

        Tracked(Path path, SegmentFile delegate, long synced, boolean entryDurable) {
            this.path = path;
            this.delegate = delegate;
            this.synced = synced;
            this.entryDurable = entryDurable;
        }

        @Override
        public long size() throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkPower();
                return delegate.size();
            }
        }

        @Override
        public void readFully(ByteBuffer target, long position) throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkPower();
                delegate.readFully(target, position);
            }
        }

        @Override
        public void append(ByteBuffer... buffers) throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkPower();
                if (writeFailure != null) {
                    throw writeFailure;
                }
                delegate.append(buffers);
            }
        }

        @Override
        public void force() throws IOException {
            forces.incrementAndGet();
            LockSupport.parkNanos(forceDelayNanos);
            synchronized (FaultyFileLayer.this) {
                checkPower();
                if (forceFailure != null) {
                    throw forceFailure;
                }
                synced = delegate.size();
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkPower();
                delegate.truncate(size);
                synced = Math.min(synced, size);
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (FaultyFileLayer.this) {
                delegate.close();
            }
        }
    }
}
