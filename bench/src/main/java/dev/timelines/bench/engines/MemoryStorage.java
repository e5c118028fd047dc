package dev.timelines.bench.engines;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.bench.measure.Figures;
import java.lang.management.ManagementFactory;

/**
 * The memory engine under the use cases. Its footprint is the heap the load leaves behind after a full GC,
 * divided by the events (indexes included).
 */
public final class MemoryStorage implements TimelinesInProcess.Storage {

    private long heapBefore;

    @Override
    public TimelinesInProcess.Ports open() throws InterruptedException {
        heapBefore = heapAfterGc();
        InMemoryEventStore store = new InMemoryEventStore();
        return new TimelinesInProcess.Ports(store, store, store, store);
    }

    @Override
    public void footprint(Figures.Recorder figures, long events) throws InterruptedException {
        figures.bytesPerEvent("heap per stored event after GC, indexes included", heapAfterGc() - heapBefore,
                events);
    }

    @Override
    public void close() {
        // Nothing outside the heap: once the harness drops the engine, its store is garbage.
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
