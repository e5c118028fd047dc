package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Message;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One client of {@code /transitions/stream}. Messages are prepared on the streams' executor only while fewer than the
 * buffer's worth are unwritten, and only when the feed has news or a write completed: a client that reads slowly
 * holds back its own stream only. One whose buffer stays full longer than allowed is disconnected, with a comment
 * saying why; it can resume from the last id it received.
 */
final class StreamSession {

    private static final Logger LOG = Logger.getLogger(StreamSession.class);

    private final Watch watch;
    private final SseEventSink sink;
    private final Sse sse;
    /** Where messages go, several to a write, once the sink has sent the headers and the first comment. */
    private final HttpServerResponse response;
    private final MessageTexts texts;
    private final StreamConfig config;
    private final Executor executor;
    private final StreamStatistics statistics;
    private final Runnable onClose;
    private final AtomicInteger unwritten = new AtomicInteger();
    /** Pumps asked for and not yet run: one runs at a time, and runs again if asked meanwhile. */
    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Runnable stopListening = () -> { };
    /** When the connection last took a write (System.nanoTime). */
    private volatile long lastProgress = System.nanoTime();
    /** When the last line was sent: a keep-alive comment is due after a silence. */
    private volatile long lastSent = System.nanoTime();

    StreamSession(Watch watch, SseEventSink sink, Sse sse, HttpServerResponse response, MessageTexts texts,
            StreamConfig config, Executor executor, StreamStatistics statistics, Runnable onClose) {
        this.watch = watch;
        this.sink = sink;
        this.sse = sse;
        this.response = response;
        this.texts = texts;
        this.config = config;
        this.executor = executor;
        this.statistics = statistics;
        this.onClose = onClose;
    }

    /**
     * Sends the headers and a first comment at once through the sink, so the client knows it is connected, then
     * follows the feed.
     */
    void start() {
        statistics.opened();
        unwritten.incrementAndGet();
        sinkSend(sse.newEventBuilder().comment("streaming from " + watch.position()).build())
                .whenComplete((done, failure) -> written(1, failure));
        stopListening = watch.listen(this::schedule);
        schedule();
    }

    /** Called every second: a keep-alive comment after a silence, and the stall check. */
    void tick(long now) {
        if (closed.get()) {
            return;
        }
        if (sink.isClosed()) {
            close();
        } else if (unwritten.get() >= config.buffer() && now - lastProgress > config.maxStall().toNanos()) {
            drop("too slow: " + unwritten.get() + " messages waited more than " + config.maxStall().toSeconds()
                    + " s for the connection; resume from the last id received", true);
        } else if (now - lastSent >= config.keepAlive().toNanos()) {
            write(":keep-alive\n\n", 1);
        }
    }

    private void schedule() {
        if (!closed.get() && requested.getAndIncrement() == 0) {
            executor.execute(this::pumpWhileAsked);
        }
    }

    private void pumpWhileAsked() {
        int asked = requested.get();
        do {
            pump();
            asked = requested.addAndGet(-asked);
        } while (asked != 0);
    }

    private void pump() {
        if (closed.get()) {
            return;
        }
        int room = config.buffer() - unwritten.get();
        if (room <= 0) {
            return;
        }
        List<Message> messages;
        try {
            messages = watch.next(room);
        } catch (PositionGoneException e) {
            drop("fell behind: " + e.getMessage(), false);
            return;
        } catch (RuntimeException e) {
            LOG.error("the transitions stream failed; the client may resume", e);
            drop("the stream failed; resume from the last id received", false);
            return;
        }
        if (messages.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        messages.forEach(message -> text.append(texts.of(message)));
        write(text.toString(), messages.size());
        messages.forEach(message -> statistics.sent());
        if (messages.size() == room) {
            schedule();
        }
    }

    /**
     * Writes {@code count} messages (or comments) in one write: a client that keeps up gets what waits in one run,
     * at one write and one pump per run. Preparing more is asked for once half the buffer has been written.
     */
    private void write(String text, int count) {
        if (response.closed() || response.ended()) {
            close();
            return;
        }
        unwritten.addAndGet(count);
        lastSent = System.nanoTime();
        response.write(Buffer.buffer(text)).onComplete(result -> written(count, result.cause()));
    }

    private void written(int count, Throwable failure) {
        int waiting = unwritten.addAndGet(-count);
        lastProgress = System.nanoTime();
        if (failure != null) {
            close();
        } else if (waiting <= config.buffer() / 2) {
            schedule();
        }
    }

    /** The sink's send; one closed meanwhile (the client went away) fails the write like a broken connection. */
    private CompletionStage<?> sinkSend(OutboundSseEvent event) {
        try {
            return sink.send(event);
        } catch (IllegalStateException closedMeanwhile) {
            return CompletableFuture.failedFuture(closedMeanwhile);
        }
    }

    /**
     * Disconnects the client with a comment saying why. A stalled stream would never take the comment: it is reset
     * at once, freeing what it holds; one that still reads gets the comment first.
     */
    private void drop(String why, boolean stalled) {
        if (closed.get()) {
            return;
        }
        statistics.dropped();
        LOG.infof("transitions stream client disconnected: %s", why);
        if (!response.closed() && !response.ended()) {
            response.write(":disconnected: " + why + "\n\n");
        }
        if (stalled) {
            // Resets this stream only: on HTTP/2 the connection may carry other clients' streams and requests.
            // On HTTP/1.1 it closes the connection, which is this stream's own.
            response.reset();
        }
        close();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            stopListening.run();
            statistics.closed();
            sink.close();
            onClose.run();
        }
    }
}
