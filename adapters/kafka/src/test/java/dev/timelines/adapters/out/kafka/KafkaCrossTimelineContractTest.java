package dev.timelines.adapters.out.kafka;

import dev.timelines.application.port.out.CrossTimelineQueriesContract;

class KafkaCrossTimelineContractTest extends CrossTimelineQueriesContract {

    private final KafkaStores stores = new KafkaStores();

    @Override
    protected Store newStore(int round) {
        KafkaEventStore store = stores.open();
        return new Store(store, store, store, store);
    }

    /** Seqs follow each partition's log (docs/semantics.md, "Seq"). */
    @Override
    protected boolean seqsFollowArrivalAcrossTimelines() {
        return false;
    }

    @Override
    protected void close(Store store) {
        stores.close();
    }
}
