package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.CrossTimelineQueriesContract;

/**
 * Answers merged from several memory engines, one per shard of the timelines (2 to 5 of them), are the answers of
 * one store, down to how each value is shown (docs/scaling.md): the partial answers carry their engine's
 * spellings, and a merge shows a value as the lowest seq among them wrote it.
 */
class SplitMemoryCrossTimelineContractTest extends CrossTimelineQueriesContract {

    @Override
    protected Store newStore(int round) {
        SplitStore store = new SplitStore(2 + round % 4);
        return new Store(store, store, store, store);
    }
}
