package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts replay from the journal directory's snapshot when recovery finds the frame it covers: the replay
 * then loads the snapshot and goes on after that frame. Any doubt (no such frame, an unreadable or damaged
 * snapshot) means a full replay, logged with its reason: slower, never wrong.
 */
final class SnapshotStart implements ReplayStart {

    private static final System.Logger LOG = System.getLogger(SnapshotStart.class.getName());

    private final Path file;
    private final JournalSnapshot snapshot;
    private final EventReplay replay;
    private boolean accepted;

    private SnapshotStart(Path file, JournalSnapshot snapshot, EventReplay replay) {
        this.file = file;
        this.snapshot = snapshot;
        this.replay = replay;
    }

    /** The start the directory's snapshot offers, if it has one that reads back whole. */
    static Optional<SnapshotStart> read(SnapshotFile snapshots, EventReplay replay) {
        if (!snapshots.exists()) {
            return Optional.empty();
        }
        Path file = snapshots.path();
        try {
            return Optional.of(new SnapshotStart(file, snapshots.read(), replay));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.log(WARNING, () -> "ignoring the snapshot " + file + ": " + e.getMessage()
                    + "; replaying the whole journal instead");
            return Optional.empty();
        }
    }

    @Override
    public FrameId frame() {
        return snapshot.frame();
    }

    @Override
    public void accepted() {
        replay.resume(snapshot);
        accepted = true;
        LOG.log(INFO, () -> "loaded the snapshot " + file + " (" + snapshot.memory().events() + " events, up to offset "
                + snapshot.frame().offset() + " of segment " + snapshot.frame().segment()
                + "); replaying the journal after it");
    }

    @Override
    public void rejected(String reason) {
        LOG.log(WARNING, () -> "the snapshot " + file + " does not match the journal: " + reason
                + "; replaying the whole journal instead");
    }

    /** Whether replay resumed after the snapshot. */
    boolean wasAccepted() {
        return accepted;
    }

    /** The frame the snapshot covers, once accepted. */
    FrameId coveredFrame() {
        return snapshot.frame();
    }
}
