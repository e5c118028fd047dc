package dev.timelines.adapters.out.journal;

import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A file layer over real files that models the page cache and the directory: it remembers how much of each
 * file an fsync made durable and which directory changes (files created, renamed, deleted) a directory fsync
 * made durable. It can simulate a power loss (unsynced bytes vanish, except a random torn prefix; each
 * directory change not yet made durable is undone or kept at random), a process crash (nothing written is
 * lost), either one at the n-th change it is asked to make, and write and fsync failures. Durability is
 * simulated, so it skips the real fsyncs and runs fast. It serves one journal directory: a directory fsync
 * makes every change durable.
 */
final class FaultyFileLayer implements FileLayer {

    private final RealFileLayer real = new RealFileLayer();
    /** What is known of each file touched through this layer, by its current name. */
    private final Map<Path, Node> nodes = new HashMap<>();
    private final List<Tracked> open = new ArrayList<>();
    private final List<Change> pending = new ArrayList<>();
    private final AtomicInteger forces = new AtomicInteger();
    private volatile IOException writeFailure;
    private volatile IOException forceFailure;
    private volatile long forceDelayNanos;
    private volatile Pause pause;
    private boolean stopped;
    private int changes;
    private int crashAtChange;
    private Random crashWithPowerLoss;
    private int shadows;

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

    /** The changes made so far: writes, fsyncs, truncations, and files created, renamed or deleted. */
    synchronized int changes() {
        return changes;
    }

    /**
     * Crashes instead of making the {@code change}-th change from now (1 for the next one): with a power loss
     * drawn from {@code random}, or, when it is null, as a process crash that loses nothing written.
     */
    synchronized void crashAt(int change, Random powerLoss) {
        crashAtChange = changes + change;
        crashWithPowerLoss = powerLoss;
    }

    /** How many bytes of {@code file} the last fsync made durable. */
    synchronized long syncedBytes(Path file) {
        Node node = nodes.get(file);
        return node == null ? 0 : node.synced;
    }

    /**
     * Cuts the power: each directory change not made durable is undone or kept at random, every file loses
     * its unsynced bytes except a random prefix of them (a torn write), and every later operation fails.
     */
    synchronized void powerLoss(Random random) throws IOException {
        stop();
        for (int i = pending.size() - 1; i >= 0; i--) {
            Change change = pending.get(i);
            if (random.nextBoolean()) {
                change.undo();
            } else {
                change.keep();
            }
        }
        pending.clear();
        for (Node node : nodes.values()) {
            if (node.path != null && Files.exists(node.path)) {
                long unsynced = Files.size(node.path) - node.synced;
                try (FileChannel channel = FileChannel.open(node.path, WRITE)) {
                    channel.truncate(node.synced + (unsynced > 0 ? random.nextLong(unsynced + 1) : 0));
                }
            }
        }
    }

    /** Kills the process, as it were: the kernel keeps everything written, and every later operation fails. */
    synchronized void processCrash() throws IOException {
        stop();
        for (Change change : pending) {
            change.keep();
        }
        pending.clear();
    }

    /**
     * Makes the next creation of a file named {@code name} wait: it counts {@code paused} down, then waits
     * for {@code resume}, holding no lock, so that other threads' file operations go on.
     */
    void pauseBeforeCreating(String name, CountDownLatch paused, CountDownLatch resume) {
        pause = new Pause(name, paused, resume);
    }

    @Override
    public SegmentFile create(Path file) throws IOException {
        Pause pausing = pause;
        if (pausing != null && file.getFileName().toString().equals(pausing.name)) {
            pause = null;
            pausing.paused.countDown();
            try {
                pausing.resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while paused before creating " + file);
            }
        }
        synchronized (this) {
            return createNow(file);
        }
    }

    private SegmentFile createNow(Path file) throws IOException {
        change();
        Tracked created = track(real.create(file), new Node(file, 0));
        pending.add(new Change() {
            @Override
            public void undo() throws IOException {
                Files.deleteIfExists(created.node.path);
                nodes.remove(created.node.path);
                created.node.path = null;
            }
        });
        return created;
    }

    @Override
    public synchronized SegmentFile open(Path file) throws IOException {
        checkRunning();
        SegmentFile opened = real.open(file);
        Node node = nodes.get(file);
        return track(opened, node != null ? node : new Node(file, opened.size()));
    }

    @Override
    public synchronized void move(Path from, Path to) throws IOException {
        change();
        Node moved = node(from);
        Node replaced = Files.exists(to) ? hide(to) : null;
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        relocate(moved, to);
        pending.add(new Change() {
            @Override
            public void undo() throws IOException {
                Files.move(to, from, StandardCopyOption.ATOMIC_MOVE);
                relocate(moved, from);
                if (replaced != null) {
                    restore(replaced, to);
                }
            }

            @Override
            public void keep() throws IOException {
                if (replaced != null) {
                    forget(replaced);
                }
            }
        });
    }

    @Override
    public synchronized void delete(Path file) throws IOException {
        change();
        if (!Files.exists(file)) {
            return;
        }
        Node deleted = hide(file);
        pending.add(new Change() {
            @Override
            public void undo() throws IOException {
                restore(deleted, file);
            }

            @Override
            public void keep() throws IOException {
                forget(deleted);
            }
        });
    }

    @Override
    public synchronized void forceDirectory(Path dir) throws IOException {
        change();
        for (Change change : pending) {
            change.keep();
        }
        pending.clear();
    }

    private Tracked track(SegmentFile file, Node node) {
        nodes.put(node.path, node);
        Tracked tracked = new Tracked(file, node);
        open.add(tracked);
        return tracked;
    }

    /** The node of an existing file, assumed durable if it was never touched through this layer. */
    private Node node(Path file) throws IOException {
        Node node = nodes.get(file);
        if (node == null) {
            node = new Node(file, Files.size(file));
            nodes.put(file, node);
        }
        return node;
    }

    /** Moves a file out of sight, keeping it so that a power loss can bring it back. */
    private Node hide(Path file) throws IOException {
        Node node = node(file);
        Path shadow = file.resolveSibling(".faulty-" + shadows++);
        Files.move(file, shadow, StandardCopyOption.ATOMIC_MOVE);
        relocate(node, shadow);
        return node;
    }

    private void restore(Node hidden, Path file) throws IOException {
        Files.move(hidden.path, file, StandardCopyOption.ATOMIC_MOVE);
        relocate(hidden, file);
    }

    private void forget(Node hidden) throws IOException {
        Files.delete(hidden.path);
        nodes.remove(hidden.path);
        hidden.path = null;
    }

    private void relocate(Node node, Path to) {
        nodes.remove(node.path);
        node.path = to;
        nodes.put(to, node);
    }

    private void stop() throws IOException {
        stopped = true;
        for (Tracked file : open) {
            file.delegate.close();
        }
    }

    /** Counts a change about to be made, crashing instead if this is the one. */
    private void change() throws IOException {
        checkRunning();
        changes++;
        if (changes == crashAtChange) {
            if (crashWithPowerLoss != null) {
                powerLoss(crashWithPowerLoss);
            } else {
                processCrash();
            }
            throw new IOException("crashed at change " + changes + " (injected)");
        }
    }

    private void checkRunning() throws IOException {
        if (stopped) {
            throw new IOException("power lost or process crashed (injected)");
        }
    }

    private record Pause(String name, CountDownLatch paused, CountDownLatch resume) {
    }

    /** A file and how many of its bytes are durable; the path is null once it is gone. */
    private static final class Node {

        Path path;
        long synced;

        Node(Path path, long synced) {
            this.path = path;
            this.synced = synced;
        }
    }

    /** A directory change not yet made durable: a power loss undoes or keeps it. */
    private interface Change {

        void undo() throws IOException;

        default void keep() throws IOException {
        }
    }

    /** One open file. */
    private final class Tracked implements SegmentFile {

        final SegmentFile delegate;
        final Node node;

        Tracked(SegmentFile delegate, Node node) {
            this.delegate = delegate;
            this.node = node;
        }

        @Override
        public long size() throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkRunning();
                return delegate.size();
            }
        }

        @Override
        public void readFully(ByteBuffer target, long position) throws IOException {
            synchronized (FaultyFileLayer.this) {
                checkRunning();
                delegate.readFully(target, position);
            }
        }

        @Override
        public void append(ByteBuffer... buffers) throws IOException {
            synchronized (FaultyFileLayer.this) {
                change();
                if (writeFailure != null) {
                    throw writeFailure;
                }
                delegate.append(buffers);
            }
        }

        @Override
        public void writeAt(ByteBuffer bytes, long position) throws IOException {
            synchronized (FaultyFileLayer.this) {
                change();
                if (writeFailure != null) {
                    throw writeFailure;
                }
                delegate.writeAt(bytes, position);
                // The model only knows a durable prefix: overwritten bytes are not durable until the next fsync.
                node.synced = Math.min(node.synced, position);
            }
        }

        @Override
        public void force() throws IOException {
            forces.incrementAndGet();
            LockSupport.parkNanos(forceDelayNanos);
            synchronized (FaultyFileLayer.this) {
                change();
                if (forceFailure != null) {
                    throw forceFailure;
                }
                node.synced = delegate.size();
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (FaultyFileLayer.this) {
                change();
                delegate.truncate(size);
                node.synced = Math.min(node.synced, size);
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (FaultyFileLayer.this) {
                open.remove(this);
                delegate.close();
            }
        }
    }
}
