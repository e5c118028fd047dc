package dev.timelines.application.port.out;

/** The folds over the naive storage's scans answer every question as the brute-force reference does. */
class ReferenceStorageContractTest extends CrossTimelineQueriesContract {

    @Override
    protected Store newStore(int round) {
        ReferenceStorage storage = new ReferenceStorage();
        return new Store(storage, storage, storage, IndexedAnswers.NONE);
    }
}
