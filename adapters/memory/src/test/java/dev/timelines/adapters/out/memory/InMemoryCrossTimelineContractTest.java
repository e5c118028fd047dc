package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.CrossTimelineQueriesContract;
import dev.timelines.application.model.Scope;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import java.util.List;

/**
 * The memory engine answers every question across timelines as the reference does. Every other store indexes
 * its attributes before the first event, so that every ingest repairs the indexes; the others build them over
 * the store when first asked; every third keeps one index at a time, so that questions drop and rebuild them.
 */
class InMemoryCrossTimelineContractTest extends CrossTimelineQueriesContract {

    private static final List<Attribute> INDEXED_FIRST = List.of(new Attribute("status"),
            new Attribute("/order/status"));

    @Override
    protected Store newStore(int round) {
        InMemoryEventStore store = round % 3 == 2
                ? new InMemoryEventStore(new IndexLimits(IndexLimits.DEFAULT.maxValues(), 1))
                : new InMemoryEventStore();
        if (round % 2 == 0) {
            INDEXED_FIRST.forEach(attribute -> store.statesAt(attribute, new PartialStateCounts(Timestamp.MIN, Scope.ALL, false)));
        }
        return new Store(store, store, store, store);
    }
}
