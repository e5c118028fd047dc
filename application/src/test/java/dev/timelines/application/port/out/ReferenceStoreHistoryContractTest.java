package dev.timelines.application.port.out;

import java.util.Random;

/** The reference storage keeps the history the contract asks for, so that services can be tested on it. */
class ReferenceStoreHistoryContractTest extends StoreHistoryContract {

    @Override
    protected Store newStore(Random random) {
        ReferenceStorage storage = new ReferenceStorage();
        return new Store(storage, storage, storage);
    }
}
