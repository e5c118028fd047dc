package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written before the events' frames took the memory engine's compact form (by the code of commit
 * {@code fe28344}, from {@link #written}: {@code src/test/resources/journal-format-1/README.md}) still opens, with
 * every event exactly as it was acknowledged; and events appended after it are written in the new form and
 * replayed with the old ones.
 */
class JournalFormatOneTest {

    static final TimelineKey FIRST = new TimelineKey("orders/1");
    static final TimelineKey SECOND = new TimelineKey("orders/2");
    static final TimelineKey DELETED = new TimelineKey("orders/3");
    static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    @TempDir
    Path dir;

    private InMemoryEventStore memory = new InMemoryEventStore();

    @Test
    void aJournalOfTheFirstFormatReplaysExactly() {
        try (JournalEventStore journal = JournalEventStore.open(copyOfFixture(), options(), memory)) {
            assertEquals(expected(), stored());
            assertTrue(memory.timeline(DELETED).isEmpty());
            assertEquals(new IngestResult(0, 1), journal.append(List.of(written().get(0).get(0)), RECEIVED));
        }
    }

    @Test
    void eventsAppendedToAJournalOfTheFirstFormatReplayWithTheOldOnes() {
        Path journalDir = copyOfFixture();
        IncomingEvent later = new IncomingEvent(SECOND, new Timestamp(5_000_000), Optional.of(new EventId("later")),
                new JsonValue.Obj(Map.of("status", new JsonValue.Str("shipped"), "weight", number("-0.250"))));
        List<Event> afterAppend;
        try (JournalEventStore journal = JournalEventStore.open(journalDir, options(), memory)) {
            journal.append(List.of(later), RECEIVED);
            afterAppend = memory.timeline(SECOND).orElseThrow().events();
        }
        memory = new InMemoryEventStore();
        try (JournalEventStore journal = JournalEventStore.open(journalDir, options(), memory)) {
            assertEquals(afterAppend, memory.timeline(SECOND).orElseThrow().events());
            assertEquals(expected().get(FIRST), memory.timeline(FIRST).orElseThrow().events());
        }
    }

    /** Snapshots off, so that the records themselves are replayed at every open. */
    static LogOptions options() {
        return LogOptions.defaults().withSnapshot(SnapshotPolicy.disabled());
    }

    /**
     * The batches the fixture holds, appended in this order with {@link #RECEIVED}, then {@link #DELETED} deleted:
     * nested objects, arrays, numbers small, negative, scaled and past a long, text beyond ASCII, ids and none, an
     * empty object, and a batch of only a duplicate (written as a record without events).
     */
    static List<List<IncomingEvent>> written() {
        Map<String, JsonValue> order = new LinkedHashMap<>();
        order.put("status", new JsonValue.Str("paid"));
        order.put("amount", number("12.50"));
        order.put("huge", number("123456789012345678901234567890.5"));
        order.put("count", number("-3"));
        order.put("tags", new JsonValue.Arr(List.of(JsonValue.Bool.TRUE, JsonValue.Bool.FALSE, JsonValue.Null.INSTANCE,
                new JsonValue.Arr(List.of()))));
        order.put("note", new JsonValue.Str("ünïcödé 🚚 \"quoted\"\n"));
        IncomingEvent nested = event(FIRST, 20, Optional.of("b"), new JsonValue.Obj(Map.of("order",
                new JsonValue.Obj(order))));
        IncomingEvent plain = event(FIRST, 10, Optional.of("a"), new JsonValue.Obj(Map.of("status",
                new JsonValue.Str("new"))));
        IncomingEvent empty = event(SECOND, 10, Optional.empty(), JsonValue.Obj.EMPTY);
        IncomingEvent gone = event(DELETED, 10, Optional.of("a"), new JsonValue.Obj(Map.of("status",
                new JsonValue.Str("new"))));
        return List.of(List.of(plain, nested), List.of(empty, gone), List.of(plain));
    }

    /** What the fixture's journal holds: seqs in admission order, every event received at {@link #RECEIVED}. */
    private static Map<TimelineKey, List<Event>> expected() {
        List<List<IncomingEvent>> batches = written();
        IncomingEvent plain = batches.get(0).get(0);
        IncomingEvent nested = batches.get(0).get(1);
        IncomingEvent empty = batches.get(1).get(0);
        return Map.of(FIRST, List.of(plain.stored(1, RECEIVED), nested.stored(2, RECEIVED)),
                SECOND, List.of(empty.stored(3, RECEIVED)));
    }

    private Map<TimelineKey, List<Event>> stored() {
        return Map.of(FIRST, memory.timeline(FIRST).orElseThrow().events(),
                SECOND, memory.timeline(SECOND).orElseThrow().events());
    }

    private Path copyOfFixture() {
        Path copy = dir.resolve("journal");
        try {
            for (String name : fixtureFiles()) {
                Files.createDirectories(copy.resolve(name).getParent());
                copyResource(name, copy.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** The journal's files, as listed beside them (a class path has no directory listing). */
    private static List<String> fixtureFiles() throws IOException {
        try (InputStream in = JournalFormatOneTest.class.getResourceAsStream("/journal-format-1/files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = JournalFormatOneTest.class.getResourceAsStream("/journal-format-1/" + name)) {
            Files.copy(in, target);
        }
    }

    private static IncomingEvent event(TimelineKey key, long seconds, Optional<String> id, JsonValue.Obj data) {
        return new IncomingEvent(key, new Timestamp(seconds * 1_000_000), id.map(EventId::new), data);
    }

    private static JsonValue.Num number(String text) {
        return new JsonValue.Num(new BigDecimal(text));
    }
}
