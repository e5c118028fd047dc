package dev.timelines.application.port.out;

/** The reference storage keeps the promises of the event log and reader too: it serves the HTTP API in tests. */
class ReferenceEventStoreContractTest extends EventStoreContract {

    @Override
    protected Store newStore() {
        ReferenceStorage storage = new ReferenceStorage();
        return new Store(storage, storage);
    }
}
