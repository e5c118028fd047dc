package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Level;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start uses the snapshot only when it belongs to the journal as it is; any other snapshot (damaged, cut
 * short, from another journal, ahead of a journal restored from a backup, older than a compaction of its
 * segment) is logged, deleted and replaced by a full replay that shows the same as before.
 */
class SnapshotTest {

    private static final LogOptions OPTIONS = LogOptions.defaults().withMaxSegmentBytes(600)
            .withCompaction(CompactionPolicy.onRequestOnly());
    private static final LogOptions NO_SNAPSHOTS = OPTIONS.withSnapshot(SnapshotPolicy.disabled());
    private static final RandomBatches BATCHES = new RandomBatches(5);

    @TempDir
    Path root;

    private final LogCapture logged = new LogCapture();
    private final Random random = new Random(5);

    @AfterEach
    void stopCapturingTheLog() {
        logged.close();
    }

    @Test
    void aStartLoadsTheSnapshotAndReplaysOnlyTheJournalAfterIt() throws IOException {
        Path dir = root.resolve("journal");
        InMemoryEventStore reference = new InMemoryEventStore();
        write(dir, reference, 20);
        FaultyFileLayer disk = new FaultyFileLayer();
        JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore(), disk);
        appendBoth(journal, reference, 10);
        // Killed: the snapshot on disk is the one of the first close, the journal goes on past it.
        disk.processCrash();
        closeAfterCrash(journal);

        assertEquals(StoreState.of(reference), StoreState.replayed(dir, OPTIONS));
        assertTrue(logged.messages(Level.INFO).stream().anyMatch(m -> m.startsWith("loaded the snapshot")));
        assertEquals(List.of(), logged.messages(Level.WARNING));
        assertEquals(StoreState.of(reference), StoreState.replayed(dir, NO_SNAPSHOTS), "as a full replay shows");
    }

    @Test
    void anIdSentAgainAfterAStartFromTheSnapshotIsStillADuplicate() {
        Path dir = root.resolve("journal");
        IncomingEvent event = new IncomingEvent(RandomBatches.key(1), new Timestamp(10), Optional.of(new EventId("a")),
                new JsonValue.Obj(Map.of("state", new JsonValue.Str("paid"))));
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore())) {
            journal.append(List.of(event), RECEIVED);
        }
        InMemoryEventStore memory = new InMemoryEventStore();
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, memory)) {
            assertTrue(logged.messages(Level.INFO).stream().anyMatch(m -> m.startsWith("loaded the snapshot")));
            assertEquals(new IngestResult(0, 1), journal.append(List.of(event), RECEIVED));
            IncomingEvent next = new IncomingEvent(RandomBatches.key(1), new Timestamp(5), Optional.empty(),
                    JsonValue.Obj.EMPTY);
            journal.append(List.of(next), RECEIVED);
            assertEquals(List.of(2L, 1L), memory.timeline(RandomBatches.key(1)).orElseThrow().events().stream()
                    .map(e -> e.seq()).toList(), "the next seq carries on after the snapshot's");
        }
    }

    @Test
    void aDamagedSnapshotIsIgnored() throws IOException {
        Path dir = root.resolve("journal");
        StoreState before = write(dir, new InMemoryEventStore(), 30);
        long size = Files.size(snapshot(dir));
        for (long at = 0; at < size; at += 1 + size / 40) {
            Path copy = Dirs.copy(dir, root.resolve("damaged-at-" + at));
            flipByte(snapshot(copy), at);

            assertEquals(before, StoreState.replayed(copy, OPTIONS), "byte " + at + " damaged");
        }
        assertTrue(logged.messages(Level.WARNING).stream().allMatch(m -> m.startsWith("ignoring the snapshot")));
        assertEquals(40, logged.messages(Level.WARNING).size(), "each damage noticed");
    }

    /** Version 1 holds no history for the stream: it is not read, and the whole journal replays instead. */
    @Test
    void aSnapshotOfTheFirstVersionIsIgnored() throws IOException {
        Path dir = root.resolve("journal");
        InMemoryEventStore reference = new InMemoryEventStore();
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore())) {
            for (int i = 0; i < 20; i++) {
                List<IncomingEvent> batch = List.of(new IncomingEvent(CompactionTest.key(i % 3),
                        new Timestamp(i * 1_000_000L), Optional.empty(),
                        new JsonValue.Obj(Map.of("amount", new JsonValue.Num(BigDecimal.valueOf(i))))));
                assertEquals(reference.append(batch, RECEIVED), journal.append(batch, RECEIVED));
            }
        }
        relabel(snapshot(dir), SnapshotFile.VERSION - 1);

        assertEquals(StoreState.of(reference), StoreState.replayed(dir, OPTIONS));
        assertTrue(logged.messages(Level.WARNING).stream().anyMatch(m -> m.startsWith("ignoring the snapshot")),
                logged.messages(Level.WARNING).toString());
        assertTrue(logged.messages(Level.INFO).stream().noneMatch(m -> m.startsWith("loaded the snapshot")),
                logged.messages(Level.INFO).toString());
    }


    @Test
    void aSnapshotCutShortIsIgnored() throws IOException {
        Path dir = root.resolve("journal");
        StoreState before = write(dir, new InMemoryEventStore(), 30);
        try (FileChannel file = FileChannel.open(snapshot(dir), StandardOpenOption.WRITE)) {
            file.truncate(file.size() / 2);
        }

        assertEquals(before, StoreState.replayed(dir, OPTIONS));
        assertEquals(1, logged.messages(Level.WARNING).size());
    }

    @Test
    void aSnapshotAheadOfAJournalRestoredFromABackupIsNotUsed() throws IOException {
        Path dir = root.resolve("journal");
        InMemoryEventStore reference = new InMemoryEventStore();
        StoreState backedUp = write(dir, reference, 20);
        Path backup = Dirs.copy(dir, root.resolve("backup"));
        write(dir, reference, 3);
        // The journal's files come back from the backup; the newer snapshot stays.
        Files.copy(snapshot(dir), snapshot(backup), StandardCopyOption.REPLACE_EXISTING);

        assertEquals(backedUp, StoreState.replayed(backup, OPTIONS));
        assertTrue(logged.messages(Level.WARNING).get(0).contains("does not match the journal"));
    }

    @Test
    void aSnapshotOfAnotherJournalIsNotUsed() throws IOException {
        Path dir = root.resolve("journal");
        StoreState own = write(dir, new InMemoryEventStore(), 20);
        Path other = root.resolve("other");
        write(other, new InMemoryEventStore(), 20);
        Files.copy(snapshot(other), snapshot(dir), StandardCopyOption.REPLACE_EXISTING);

        assertEquals(own, StoreState.replayed(dir, OPTIONS));
        assertTrue(logged.messages(Level.WARNING).get(0).contains("does not match the journal"));
        assertFalse(own.equals(StoreState.replayed(other, OPTIONS)), "the two journals differ");
    }

    @Test
    void aSnapshotOlderThanACompactionOfItsSegmentIsNotUsed() throws IOException {
        Path dir = root.resolve("journal");
        InMemoryEventStore reference = new InMemoryEventStore();
        write(dir, reference, 20);
        Path old = Files.copy(snapshot(dir), root.resolve("old-snapshot"));
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore())) {
            appendBoth(journal, reference, 20);
            for (int timeline = 0; timeline < 3; timeline++) {
                assertEquals(reference.delete(RandomBatches.key(timeline)),
                        journal.delete(RandomBatches.key(timeline)));
            }
            appendBoth(journal, reference, 10);
            assertTrue(journal.compact().join().reclaimedBytes() > 0);
        }
        Files.copy(old, snapshot(dir), StandardCopyOption.REPLACE_EXISTING);

        assertEquals(StoreState.of(reference), StoreState.replayed(dir, OPTIONS));
        assertTrue(logged.messages(Level.WARNING).get(0).contains("does not match the journal"));
    }

    @Test
    void withSnapshotsOffAStartDeletesTheSnapshot() throws IOException {
        Path dir = root.resolve("journal");
        StoreState before = write(dir, new InMemoryEventStore(), 10);
        assertTrue(Files.exists(snapshot(dir)));

        assertEquals(before, StoreState.replayed(dir, NO_SNAPSHOTS));
        assertFalse(Files.exists(snapshot(dir)), "no longer kept valid, so it must not be found by a later start");
    }

    @Test
    void inTheBackgroundASnapshotIsTakenOncePerIntervalOfJournal() throws IOException {
        Path dir = root.resolve("journal");
        long interval = 4096;
        LogOptions everyInterval = OPTIONS.withMaxSegmentBytes(1 << 20)
                .withSnapshot(new SnapshotPolicy(true, interval));
        try (JournalEventStore journal = JournalEventStore.open(dir, everyInterval, new InMemoryEventStore())) {
            appendBoth(journal, new InMemoryEventStore(), 400);
        }
        long appended = CompactionTest.sizeOnDisk(dir);
        long snapshots = logged.messages(Level.INFO).stream().filter(m -> m.startsWith("snapshot of")).count();

        assertTrue(snapshots >= 2, snapshots + " snapshots of " + appended + " bytes");
        assertTrue(snapshots <= appended / interval + 1, snapshots + " snapshots of " + appended + " bytes");
    }

    /** Opens the journal, appends {@code batches} random batches to it and the reference, closes it. */
    private StoreState write(Path dir, InMemoryEventStore reference, int batches) {
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore())) {
            appendBoth(journal, reference, batches);
        }
        return StoreState.of(reference);
    }

    private void appendBoth(JournalEventStore journal, InMemoryEventStore reference, int batches) {
        for (int i = 0; i < batches; i++) {
            List<IncomingEvent> batch = BATCHES.batch(random);
            assertEquals(reference.append(batch, RECEIVED), journal.append(batch, RECEIVED));
        }
    }

    private static void closeAfterCrash(JournalEventStore journal) {
        try {
            journal.close();
        } catch (JournalException expected) {
            // The snapshot at close could not be written: the crash came first.
        }
    }

    private static Path snapshot(Path dir) {
        return dir.resolve(SnapshotFile.NAME);
    }


    /** Writes another format version into the snapshot's header, with the checksum that makes it whole again. */
    private static void relabel(Path file, int version) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        bytes.putInt(8, version);
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, bytes.capacity() - Integer.BYTES);
        bytes.putInt(bytes.capacity() - Integer.BYTES, (int) crc.getValue());
        Files.write(file, bytes.array());
    }

    private static void flipByte(Path file, long at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) at] ^= 0x5A;
        Files.write(file, bytes);
    }
}
