package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The open transitions streams and the threads they run on: a small pool prepares messages (never the thread of an
 * ingest request, which only schedules), and one timer thread sends keep-alive comments and finds stalled clients.
 */
@ApplicationScoped
public class TransitionStreams {

    private static final Logger LOG = Logger.getLogger(TransitionStreams.class);
    private static final long TICK_MILLIS = 1000;

    private final StreamConfig config;
    private final MessageTexts texts;
    private final StreamStatistics statistics;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService preparing;
    private final ScheduledExecutorService timer;
    private final Thread closingAtExit;

    public TransitionStreams(StreamConfig config, ObjectMapper mapper, StreamStatistics statistics) {
        this.config = config;
        this.texts = new MessageTexts(mapper);
        this.statistics = statistics;
        this.preparing = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("transitions-stream"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("transitions-stream-timer"));
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        closingAtExit = new Thread(this::closeAll, "transitions-stream-exit");
        Runtime.getRuntime().addShutdownHook(closingAtExit);
    }

    void open(Watch watch, SseEventSink sink, Sse sse, HttpServerRequest request) {
        StreamSession[] session = new StreamSession[1];
        session[0] = new StreamSession(watch, sink, sse, request.response(), texts, config, preparing, statistics,
                () -> sessions.remove(session[0]));
        sessions.add(session[0]);
        session[0].start();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A failure of one session ends that session only: an exception would stop the timer for every stream. */
    private void tick() {
        long now = System.nanoTime();
        sessions.forEach(session -> {
            try {
                session.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("a transitions stream failed its keep-alive or stall check; it is closed", e);
                session.close();
            }
        });
    }

    /**
     * Ends every stream as soon as the JVM is asked to stop. Quarkus' graceful shutdown waits for requests in flight
     * before it tells the application, and a stream never ends by itself: it would hold the shutdown up for the
     * whole of {@code quarkus.shutdown.timeout}. JVM shutdown hooks run side by side, so this one ends the streams
     * while Quarkus waits; clients resume elsewhere or after the restart.
     */
    private void closeAll() {
        sessions.forEach(StreamSession::close);
    }

    @PreDestroy
    void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(closingAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is stopping: the hook runs or ran
        }
        timer.shutdownNow();
        sessions.forEach(StreamSession::close);
        preparing.shutdownNow();
    }
}
