package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import io.vertx.core.http.HttpConnection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The open transitions streams and the threads they run on: a small pool prepares messages (never the thread of an
 * ingest request, which only schedules), and one timer thread sends keep-alive comments and finds stalled clients.
 */
@ApplicationScoped
public class TransitionStreams {

    private static final long TICK_MILLIS = 1000;

    private final StreamConfig config;
    private final ObjectMapper mapper;
    private final StreamStatistics statistics;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService preparing;
    private final ScheduledExecutorService timer;

    public TransitionStreams(StreamConfig config, ObjectMapper mapper, StreamStatistics statistics) {
        this.config = config;
        this.mapper = mapper;
        this.statistics = statistics;
        this.preparing = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("transitions-stream"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("transitions-stream-timer"));
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void open(Watch watch, SseEventSink sink, Sse sse, HttpConnection connection) {
        StreamSession[] session = new StreamSession[1];
        session[0] = new StreamSession(watch, sink, sse, connection, mapper, config, preparing, statistics,
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

    private void tick() {
        long now = System.nanoTime();
        sessions.forEach(session -> session.tick(now));
    }

    /** Ends every stream when the application stops: an open stream would hold up the graceful shutdown. */
    void stop(@Observes ShutdownEvent stopping) {
        sessions.forEach(StreamSession::close);
    }

    @PreDestroy
    void release() {
        timer.shutdownNow();
        sessions.forEach(StreamSession::close);
        preparing.shutdownNow();
    }
}
