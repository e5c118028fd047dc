package dev.timelines.bootstrap;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Storage whose opening takes until the test lets it finish ({@link #open()}): the volatile store, held back as a
 * long journal replay holds the real one, so that what the service does meanwhile can be tested at leisure.
 */
public class HeldStorage implements QuarkusTestProfile {

    private static final CountDownLatch OPEN = new CountDownLatch(1);

    /** Lets the storage's opening finish. */
    static void open() {
        OPEN.countDown();
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(Producer.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0");
    }

    /** Marks a test class whose tests {@link AwaitStorage} must not hold back until storage is open. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface NotAwaited {
    }

    /** Opens the memory engine once {@link #open()} was called (or after two minutes, not to hang a broken test). */
    @Alternative
    public static class Producer {

        @Produces
        @Singleton
        Storage storage() throws InterruptedException {
            OPEN.await(2, TimeUnit.MINUTES);
            InMemoryEventStore memory = new InMemoryEventStore();
            return new Storage(memory, memory, memory, memory, memory, () -> true, () -> { },
                    Optional.of(new StoreSize(memory::timelineCount, memory::eventCount)));
        }
    }
}
