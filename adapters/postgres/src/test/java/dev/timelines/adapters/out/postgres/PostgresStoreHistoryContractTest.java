package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.StoreHistoryContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The history contract on PostgreSQL: a restart opens the store and its history again on the same schema (and
 * prunes, as every start does), with few retained seqs so that the horizon rises within a run. Pruning on the
 * listener's schedule is left out: it would raise the horizon between the contract's reading of it and its
 * questions.
 */
class PostgresStoreHistoryContractTest extends StoreHistoryContract {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration NEVER = Duration.ofDays(1);

    private final Map<Store, DataSource> sources = new HashMap<>();
    private final Map<Store, Long> retained = new HashMap<>();

    @Override
    protected Store newStore(Random random) {
        return open(EmbeddedServer.newSchema(), 1 + random.nextInt(40));
    }

    @Override
    protected Store restarted(Store store, Random random) {
        close(store);
        return open(sources.remove(store), retained.remove(store));
    }

    @Override
    protected void close(Store store) {
        try {
            ((PostgresStoreHistory) store.history()).close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Store open(DataSource source, long retainedSeqs) {
        PostgresEventStore events = PostgresEventStore.open(source, 16);
        Store store = new Store(events, events, PostgresStoreHistory.open(events, retainedSeqs, POLL, NEVER));
        sources.put(store, source);
        retained.put(store, retainedSeqs);
        return store;
    }
}
