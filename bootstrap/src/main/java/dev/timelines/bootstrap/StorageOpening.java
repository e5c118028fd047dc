package dev.timelines.bootstrap;

import dev.timelines.application.port.out.StorageStartingException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Opens the configured storage on a thread of its own once the application has started, so that HTTP listens at
 * once while a journal is replayed (docs/operations.md, Start): liveness answers, readiness and the startup probe
 * report the storage down until it is open, and requests that need it are refused with 503 meanwhile
 * ({@link GatedStorage}). Storage that cannot be opened (a corrupt journal, an unreachable PostgreSQL) stops the
 * service, as before: it exits with status 1 after logging why.
 */
@Singleton
public class StorageOpening {

    private static final Logger LOG = Logger.getLogger(StorageOpening.class);

    /** What a request is told while storage is being opened. */
    static final String STARTING = "the service is starting: its storage is being opened (a journal is replayed);"
            + " retry once /q/health/ready is UP";

    private final Instance<Storage> storage;
    private final QuestionWarmUp warmUp;
    private final CompletableFuture<Storage> opened = new CompletableFuture<>();
    private volatile boolean warmedUp;

    /**
     * @param storage its producer opens the storage: replays the journal, or migrates the PostgreSQL schema
     * @param warmUp asks the questions the indexes built at start answer, once storage is open
     */
    public StorageOpening(Instance<Storage> storage, QuestionWarmUp warmUp) {
        this.storage = storage;
        this.warmUp = warmUp;
    }

    void start(@Observes StartupEvent started) {
        Thread opener = new Thread(this::open, "storage-opener");
        opener.setDaemon(true);
        opener.start();
    }

    private void open() {
        Storage open;
        try {
            open = storage.get();
        } catch (RuntimeException | Error e) {
            opened.completeExceptionally(e);
            LOG.error("storage could not be opened; the service stops", e);
            Quarkus.asyncExit(1);
            return;
        }
        opened.complete(open);
        try {
            warmUp.warmUp(open);
        } catch (RuntimeException e) {
            LOG.warn("the questions asked before readiness failed; the first question of a client will be slower", e);
        }
        warmedUp = true;
    }

    /** The storage, once open. */
    Optional<Storage> current() {
        return opened.isDone() && !opened.isCompletedExceptionally() ? Optional.of(opened.join()) : Optional.empty();
    }

    /**
     * Whether the storage is open and the questions it answers from indexes built at start were asked once
     * ({@link QuestionWarmUp}): then the service answers at full speed.
     */
    boolean warmedUp() {
        return warmedUp;
    }

    /**
     * The storage.
     *
     * @throws StorageStartingException while it is being opened
     */
    Storage require() {
        return current().orElseThrow(() -> new StorageStartingException(STARTING));
    }

    /** Runs {@code action} once the storage is open (at once if it is). */
    void whenOpen(Consumer<Storage> action) {
        opened.thenAccept(action);
    }

    /**
     * Waits until the storage is open, for tests that must not race its opening.
     *
     * @return false when it is not open within {@code timeout}, or failed to open
     */
    boolean awaitOpen(Duration timeout) throws InterruptedException {
        try {
            opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
