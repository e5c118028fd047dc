package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.EventStoreContract;

/** The shared storage contract, against a real PostgreSQL server. */
class PostgresEventStoreContractTest extends EventStoreContract {

    @Override
    protected Store newStore() {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        return new Store(store, store);
    }

    /** Each round opens two stores, each a schema migrated from scratch. */
    @Override
    protected int arrivalOrderRounds() {
        return 25;
    }
}
