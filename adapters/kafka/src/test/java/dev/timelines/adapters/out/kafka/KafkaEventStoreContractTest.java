package dev.timelines.adapters.out.kafka;

import dev.timelines.application.port.out.EventStoreContract;
import org.junit.jupiter.api.AfterEach;

class KafkaEventStoreContractTest extends EventStoreContract {

    private final KafkaStores stores = new KafkaStores();

    @Override
    protected Store newStore() {
        KafkaEventStore store = stores.open();
        return new Store(store, store);
    }

    /** Each store is a topic and a consumer group of its own: a second or so to open. */
    @Override
    protected int arrivalOrderRounds() {
        return 5;
    }

    /** Seqs follow each partition's log (docs/semantics.md, "Seq"), so arrival order only within a timeline. */
    @Override
    protected boolean seqsFollowArrivalAcrossTimelines() {
        return false;
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }
}
