package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.StoreHistoryContract;
import java.util.Random;

/** Small random limits, so that the ring and the deleted timelines forget within a run and the horizon rises. */
class InMemoryStoreHistoryContractTest extends StoreHistoryContract {

    @Override
    protected Store newStore(Random random) {
        InMemoryEventStore store = new InMemoryEventStore(IndexLimits.DEFAULT,
                new HistoryLimits(5 + random.nextInt(200), random.nextInt(40)));
        return new Store(store, store, store);
    }
}
