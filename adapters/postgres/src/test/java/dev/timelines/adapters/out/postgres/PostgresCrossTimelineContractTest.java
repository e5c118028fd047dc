package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.CrossTimelineQueriesContract;
import dev.timelines.domain.Attribute;
import java.util.List;
import java.util.Optional;

/**
 * The questions across timelines against a real PostgreSQL server, with its fast paths and from its scans. Every
 * fourth store keeps one index at a time, so the questions drop and rebuild indexes; every other store has its
 * first attributes indexed before the first event, so every ingest repairs them (the others are built over the
 * store when first asked).
 */
class PostgresCrossTimelineContractTest extends CrossTimelineQueriesContract {

    private static final List<Attribute> INDEXED_BEFORE_INGEST =
            List.of(new Attribute("status"), new Attribute("/order/status"));

    @Override
    protected Store newStore(int round) {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), round % 4 == 3 ? 1 : 16);
        if (round % 2 == 1) {
            INDEXED_BEFORE_INGEST.forEach(attribute -> store.values(attribute, Optional.empty()));
        }
        return new Store(store, store, store, store);
    }
}
