package dev.timelines.adapters.out.postgres;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The history the stream reads, from the database: deletions take seqs and keep their timelines readable as they
 * stood, the horizon rises only past pruned deletions, an open writer holds the watermark back, and an instance
 * hears of another instance's writes through LISTEN/NOTIFY (its poll and prune set longer than the test, so only
 * a notification or a reconnection can wake it, and only the test prunes).
 */
class PostgresStoreHistoryTest {

    private static final Duration NEVER = Duration.ofMinutes(10);
    private static final TimelineKey T = key("t");

    @Test
    void aDeletionTakesASeqAndKeepsTheTimelineAsItStoodBeforeIt() throws Exception {
        DataSource source = EmbeddedServer.newSchema();
        PostgresEventStore store = PostgresEventStore.open(source, 16);
        try (PostgresStoreHistory history = PostgresStoreHistory.open(store, 1_000, NEVER, NEVER)) {
            store.append(List.of(status("t", 10, "a"), status("t", 20, "b")), seconds(1));
            long written = history.durable();
            store.delete(T);
            long deleted = history.durable();
            store.append(List.of(status("t", 15, "c")), seconds(2));
            long rewritten = history.durable();

            assertEquals(written + 1, deleted, "the deletion took the next seq");
            assertEquals(deleted + 1, rewritten);
            assertEquals(Set.of(T), history.changed(written, deleted));
            assertEquals(Set.of(), history.changed(rewritten, rewritten));
            assertEquals(List.of(str("a"), str("b")), values(history.asOf(T, written)));
            assertEquals(List.of(str("a")), values(history.asOf(T, written - 1)));
            assertEquals(Optional.empty(), history.asOf(T, deleted));
            assertEquals(List.of(str("c")), values(history.asOf(T, rewritten)));
            store.append(List.of(status("u", 1, "x")), seconds(3));
            assertEquals(List.of(T, key("u")), List.copyOf(history.changed(0, history.durable())), "in key order");
        }
    }

    @Test
    void theHorizonRisesToTheLastPrunedDeletionOnly() throws Exception {
        DataSource source = EmbeddedServer.newSchema();
        PostgresEventStore store = PostgresEventStore.open(source, 16);
        try (PostgresStoreHistory history = PostgresStoreHistory.open(store, 1, NEVER, NEVER)) {
            store.append(List.of(status("t", 10, "a")), seconds(1));
            history.prune(history.durable());
            assertEquals(0, history.horizon(), "nothing deleted, nothing pruned");

            store.delete(T);
            long deleted = history.durable();
            store.append(List.of(status("u", 1, "x"), status("u", 2, "y")), seconds(2));
            history.prune(history.durable() - 1);
            assertEquals(0, history.horizon(), "the deletion is within the retained seqs");
            history.prune(history.durable());

            assertEquals(deleted, history.horizon());
            assertThrows(HistoryGoneException.class, () -> history.changed(deleted - 1, deleted));
            assertThrows(HistoryGoneException.class, () -> history.asOf(T, deleted - 1));
            assertEquals(Optional.empty(), history.asOf(T, deleted));
            assertEquals(Set.of(key("u")), history.changed(deleted, history.durable()));
        }
    }

    @Test
    void anOpenWriterHoldsTheWatermarkBelowItsSeqsWhileLaterOnesCommit() throws Exception {
        DataSource source = EmbeddedServer.newSchema();
        PostgresEventStore store = PostgresEventStore.open(source, 16);
        try (PostgresStoreHistory history = PostgresStoreHistory.open(store, 1_000, NEVER, NEVER);
                Connection open = source.getConnection()) {
            store.append(List.of(status("t", 10, "a")), seconds(1));
            open.setAutoCommit(false);
            long held = drawSeq(open);
            store.append(List.of(status("u", 10, "b")), seconds(1));

            assertEquals(held - 1, history.durable(), "the seq after the held one committed, the held one did not");
            open.rollback();
            store.append(List.of(status("u", 20, "c")), seconds(1));
            assertEquals(held + 2, history.durable(), "the held seq rolled back");
        }
    }

    private static long drawSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT draw_seqs(1)")) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInstanceHearsOfWritesMadeThroughAnother() throws Exception {
        String url = EmbeddedServer.newDatabase();
        PostgresEventStore writer = PostgresEventStore.open(EmbeddedServer.pool(url), 16);
        PostgresEventStore reader = PostgresEventStore.open(EmbeddedServer.pool(url), 16);
        try (PostgresStoreHistory history = PostgresStoreHistory.open(reader, 1_000, NEVER, NEVER)) {
            Semaphore woken = new Semaphore(0);
            history.onDurable(woken::release);
            writer.append(List.of(status("s", 10, "a")), seconds(1));
            settle(woken);
            long before = history.durable();

            writer.append(List.of(status("t", 10, "a"), status("t", 20, "b")), seconds(1));
            woken.acquire();
            assertEquals(before + 2, history.durable());
            assertEquals(Set.of(T), history.changed(before, history.durable()));
            assertEquals(List.of(str("a"), str("b")), values(history.asOf(T, history.durable())));

            writer.delete(T);
            woken.acquire();
            assertEquals(before + 3, history.durable());
            assertEquals(Optional.empty(), history.asOf(T, before + 3));
            assertEquals(List.of(str("a"), str("b")), values(history.asOf(T, before + 2)));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theListenerReconnectsAfterItsConnectionIsLost() throws Exception {
        String url = EmbeddedServer.newDatabase();
        DataSource source = EmbeddedServer.pool(url);
        PostgresEventStore store = PostgresEventStore.open(source, 16);
        try (PostgresStoreHistory history = PostgresStoreHistory.open(store, 1_000, NEVER, NEVER)) {
            Semaphore woken = new Semaphore(0);
            history.onDurable(woken::release);
            store.append(List.of(status("t", 10, "a")), seconds(1));
            settle(woken);
            long before = history.durable();

            assertEquals(1, terminateListeners(source, url));
            store.append(List.of(status("t", 20, "b")), seconds(1));
            assertTrue(woken.tryAcquire(30, TimeUnit.SECONDS), "woken after reconnecting");
            assertEquals(before + 1, history.durable());
            store.append(List.of(status("t", 30, "c")), seconds(1));
            woken.acquire();
            assertEquals(before + 2, history.durable(), "the new connection listens");
        }
    }

    /** Waits for the wakes of what was written so far: at least one, then until none comes for half a second. */
    private static void settle(Semaphore woken) throws InterruptedException {
        woken.acquire();
        while (woken.tryAcquire(500, TimeUnit.MILLISECONDS)) {
            // an earlier reading of the watermark may have woken it too
        }
    }

    private static int terminateListeners(DataSource source, String url) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM "
                        + "pg_stat_activity WHERE datname = '" + database + "' AND query LIKE 'LISTEN %'")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<JsonValue> values(Optional<Timeline> timeline) {
        return timeline.orElseThrow().events().stream().map(event -> event.data().members().get("status")).toList();
    }
}
