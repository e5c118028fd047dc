package dev.timelines.adapters.out.postgres;

import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the store on one database, each with writers appending and deleting at once, and each with a
 * reader of its history: every watermark read, the seqs at or below it that were visible right after are all the
 * seqs at or below it that the store ever ends up with. A seq committed later below a watermark already answered
 * would be a message a stream sent without the events before it.
 */
class HistoryWatermarkTest {

    private static final int WRITERS_PER_INSTANCE = 3;
    private static final int WRITES = 40;
    private static final Sql SEQS_UP_TO = new Sql("""
            SELECT seq FROM events WHERE seq <= :seq
            UNION ALL SELECT seq FROM deleted_events WHERE seq <= :seq
            UNION ALL SELECT seq FROM deletions WHERE seq <= :seq
            """);

    /** A watermark and the seqs at or below it visible just after it was read. */
    private record Reading(long durable, Set<Long> visible) {
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void noWatermarkPassesASeqThatCommitsAfterIt() throws Exception {
        String url = EmbeddedServer.newDatabase();
        List<DataSource> instances = List.of(EmbeddedServer.pool(url), EmbeddedServer.pool(url));
        List<PostgresEventStore> stores = instances.stream().map(source -> PostgresEventStore.open(source, 16))
                .toList();
        List<PostgresStoreHistory> histories = stores.stream()
                .map(store -> PostgresStoreHistory.open(store, 1_000_000)).toList();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_INSTANCE; w++) {
                PostgresEventStore store = stores.get(w % 2);
                Random random = new Random(w);
                writers.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < WRITES; i++) {
                        write(store, random);
                    }
                    return null;
                }));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<List<Reading>>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                PostgresStoreHistory history = histories.get(r);
                DataSource source = instances.get(r);
                readers.add(pool.submit(() -> read(history, source, writing)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);

            Set<Long> stored = seqsUpTo(instances.get(0), Long.MAX_VALUE);
            int readings = 0;
            for (Future<List<Reading>> reader : readers) {
                for (Reading reading : reader.get()) {
                    Set<Long> atOrBelow = new TreeSet<>(stored.stream().filter(seq -> seq <= reading.durable()).toList());
                    atOrBelow.removeAll(reading.visible());
                    assertEquals(Set.of(), atOrBelow, "committed after the watermark " + reading.durable()
                            + " was answered");
                    readings++;
                }
            }
            assertTrue(readings > 20, readings + " readings");
            long last = stored.stream().mapToLong(Long::longValue).max().orElseThrow();
            for (PostgresStoreHistory history : histories) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (history.durable() < last && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(last, history.durable(), "once every writer committed, and the instance heard of it");
            }
        } finally {
            pool.shutdownNow();
            for (PostgresStoreHistory history : histories) {
                history.close();
            }
        }
    }

    /** Mostly appends of one to three events to a few timelines, sometimes a deletion of one. */
    private static void write(PostgresEventStore store, Random random) {
        String key = "t" + random.nextInt(4);
        if (random.nextInt(8) == 0) {
            store.delete(new TimelineKey(key));
            return;
        }
        List<IncomingEvent> events = new ArrayList<>();
        for (int e = 0; e <= random.nextInt(3); e++) {
            events.add(status(key, random.nextInt(100), "v" + random.nextInt(3)));
        }
        store.append(events, seconds(1));
    }

    private static List<Reading> read(PostgresStoreHistory history, DataSource source, AtomicBoolean writing)
            throws SQLException {
        List<Reading> readings = new ArrayList<>();
        while (writing.get()) {
            long durable = history.durable();
            readings.add(new Reading(durable, seqsUpTo(source, durable)));
        }
        return readings;
    }

    private static Set<Long> seqsUpTo(DataSource source, long seq) throws SQLException {
        try (Connection connection = source.getConnection()) {
            return new HashSet<>(SEQS_UP_TO.list(connection, Sql.with("seq", seq), result -> result.getLong(1)));
        }
    }
}
