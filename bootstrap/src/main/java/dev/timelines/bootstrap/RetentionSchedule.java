package dev.timelines.bootstrap;

import dev.timelines.application.port.in.RetentionUseCase;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.domain.Timestamp;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs retention every {@code timelines.retention.interval} when {@code timelines.retention.max-age} is set
 * (docs/operations.md, Retention). A thread of its own: one fixed-delay task needs no scheduler extension.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);

    private final RetentionConfig config;
    private final RetentionUseCase retention;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RetentionSchedule(RetentionConfig config, RetentionUseCase retention, Clock clock) {
        this.config = config;
        this.retention = retention;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        config.maxAge().ifPresent(maxAge -> {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "timelines-retention");
                thread.setDaemon(true);
                return thread;
            });
            long every = config.interval().toMillis();
            timer.scheduleWithFixedDelay(() -> run(maxAge), every, every, TimeUnit.MILLISECONDS);
            LOG.infof("retention: timelines whose latest event is older than %s are deleted every %s", maxAge,
                    config.interval());
        });
    }

    /** Stops before storage closes, so that no run meets a closed store. */
    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One run; it never throws, so that the next one still happens. */
    void run(Duration maxAge) {
        long started = System.nanoTime();
        try {
            Instant cutoff = clock.instant().minus(maxAge);
            // No event is before the first moment a timestamp can hold: a max-age reaching past it deletes nothing.
            Instant earliest = Instant.ofEpochSecond(Timestamp.MIN.micros() / Timestamp.MICROS_PER_SECOND);
            Timestamp before = cutoff.isAfter(earliest) ? Timestamp.of(cutoff) : Timestamp.MIN;
            int deleted = retention.deleteTimelinesLastBefore(before);
            LOG.infof("retention deleted %d timeline(s) whose latest event is before %s, in %d ms", deleted, before,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (StorageStartingException e) {
            LOG.info("retention skipped: the storage is still opening");
        } catch (RuntimeException e) {
            LOG.error("retention failed; the next run tries again", e);
        }
    }
}
