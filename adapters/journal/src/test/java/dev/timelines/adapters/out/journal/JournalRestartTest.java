package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was acknowledged before a restart is there after it, exactly as it was. */
class JournalRestartTest {

    private static final TimelineKey ORDER = new TimelineKey("orders/1");
    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    @TempDir
    Path dir;

    private InMemoryEventStore memory;
    private JournalEventStore journal;

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void eventsComeBackWithTheirSeqReceivedIdAndData() {
        open();
        Map<String, JsonValue> nested = new LinkedHashMap<>();
        nested.put("status", new JsonValue.Str("paid"));
        nested.put("amount", new JsonValue.Num(new BigDecimal("12.50")));
        nested.put("tags", new JsonValue.Arr(List.of(JsonValue.Bool.TRUE, JsonValue.Null.INSTANCE)));
        nested.put("note", new JsonValue.Str("ünïcödé 🚚"));
        journal.append(List.of(event(ORDER, 20, "b", new JsonValue.Obj(Map.of("order", new JsonValue.Obj(nested)))),
                event(ORDER, 10, "a", new JsonValue.Obj(Map.of()))), RECEIVED);
        List<Event> before = events(ORDER);

        reopen();

        assertEquals(before, events(ORDER));
    }

    @Test
    void anIdSentAgainAfterARestartIsStillADuplicate() {
        open();
        journal.append(List.of(event(ORDER, 10, "only-once", JsonValue.Obj.EMPTY)), RECEIVED);

        reopen();

        IngestResult retried = journal.append(List.of(event(ORDER, 10, "only-once", JsonValue.Obj.EMPTY)), RECEIVED);
        assertEquals(new IngestResult(0, 1), retried);
        assertEquals(1, events(ORDER).size());
    }

    @Test
    void aDeleteSurvivesTheRestartAndForgetsTheIds() {
        open();
        TimelineKey kept = new TimelineKey("kept");
        journal.append(List.of(event(ORDER, 10, "x", JsonValue.Obj.EMPTY), event(kept, 10, "x", JsonValue.Obj.EMPTY)),
                RECEIVED);
        assertTrue(journal.delete(ORDER));

        reopen();

        assertTrue(memory.timeline(ORDER).isEmpty());
        assertEquals(1, events(kept).size());
        assertEquals(new IngestResult(1, 0),
                journal.append(List.of(event(ORDER, 10, "x", JsonValue.Obj.EMPTY)), RECEIVED));
    }

    @Test
    void seqKeepsGrowingAcrossRestarts() {
        open();
        journal.append(List.of(event(ORDER, 10, "first", JsonValue.Obj.EMPTY)), RECEIVED);
        long before = events(ORDER).get(0).seq();

        reopen();
        journal.append(List.of(event(ORDER, 10, "second", JsonValue.Obj.EMPTY)), RECEIVED);

        List<Event> events = events(ORDER);
        assertEquals(2, events.size());
        assertTrue(events.get(1).seq() > before, "a new event must not reuse a replayed seq");
        assertEquals("second", events.get(1).id().orElseThrow().value());
    }

    @Test
    void theIndexesAskedForBeforeACleanCloseAreBuiltAtStartMostRecentFirst() {
        open();
        journal.append(List.of(event(ORDER, 10, "x", new JsonValue.Obj(Map.of(
                "status", new JsonValue.Str("paid"), "region", new JsonValue.Str("eu"))))), RECEIVED);
        memory.values(new Attribute("status"), Optional.empty());
        memory.values(new Attribute("region"), Optional.empty());

        reopen();

        assertEquals(List.of(new Attribute("region"), new Attribute("status")), memory.indexedAttributes());
    }

    @Test
    void anUnreadableListOfIndexesLeavesThemToTheFirstQuestion() throws Exception {
        open();
        journal.append(List.of(event(ORDER, 10, "x", new JsonValue.Obj(Map.of(
                "status", new JsonValue.Str("paid"))))), RECEIVED);
        memory.values(new Attribute("status"), Optional.empty());
        journal.close();
        Files.write(dir.resolve("indexes"), new byte[] {0, 0, 0, 9});

        open();

        assertEquals(List.of(), memory.indexedAttributes());
        assertEquals(1, events(ORDER).size());
    }

    /** A journal written before deletions took seqs: its deletions still apply; the history starts after the last. */
    @Test
    void aDeletionWrittenWithoutASeqStillDeletes() throws Exception {
        TimelineKey other = new TimelineKey("orders/2");
        RecordLog old = RecordLog.open(dir, LogOptions.defaults(), new Replay());
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(key)) {
            EventBytes.writeString(out, ORDER.value());
        }
        old.append(List.of(EventCodec.events(List.of(
                new TimelineEvent(ORDER, new Event(new Timestamp(10), 1, RECEIVED, Optional.empty(), JsonValue.Obj.EMPTY)),
                new TimelineEvent(other, new Event(new Timestamp(10), 2, RECEIVED, Optional.empty(),
                        JsonValue.Obj.EMPTY))))));
        old.append(List.of(new JournalRecord(EventCodec.DELETE, key.toByteArray())));
        old.close();

        open();

        assertEquals(List.of(), events(ORDER));
        assertEquals(1, events(other).size());
        assertEquals(2, memory.horizon(), "the history starts after the deletion, which has no place among the seqs");
        journal.append(List.of(event(ORDER, 20, "x", JsonValue.Obj.EMPTY)), RECEIVED);
        assertEquals(3, events(ORDER).get(0).seq());
    }

    private void open() {
        memory = new InMemoryEventStore();
        journal = JournalEventStore.open(dir, LogOptions.defaults(), memory);
    }

    private void reopen() {
        journal.close();
        open();
    }

    private List<Event> events(TimelineKey key) {
        return memory.timeline(key).map(Timeline::events).orElse(List.of());
    }

    private static IncomingEvent event(TimelineKey key, long seconds, String id, JsonValue.Obj data) {
        return new IncomingEvent(key, new Timestamp(seconds * 1_000_000), Optional.of(new EventId(id)), data);
    }
}
