package dev.timelines.application.service;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PartitionedPosition;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPartUseCase;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase;
import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StreamParts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The transitions stream of a store split into parts held by the nodes of a cluster (docs/scaling.md, "Kafka"). A
 * timeline lives in exactly one part, so the store's stream is the union of the parts' streams: each part goes from
 * step to step as the stream of one store does ({@link HistorySteps}, on the part's own seqs), and a client's
 * position is its place in each part ({@link PartitionedPosition}). The node serving the client takes each part's
 * steps from this node's history when it holds the part, and otherwise asks the part's owner
 * ({@link StreamParts#ask}), and sends the parts' messages in the order they come: folding them gives the union of
 * the parts' sets, whatever the order. A stream opens only once every part answered (a 503 naming those that did
 * not); then a part whose owner does not answer is asked again, every {@code askAgain}, its messages delayed, never
 * skipped. Clients do not share steps here (the stream of one store does, {@link StreamHub}).
 */
public final class PartitionedStreamService implements WatchTransitionsUseCase, StreamPartUseCase {

    private final StreamParts parts;
    private final long maxStep;
    private final Duration timeout;
    private final Duration askAgain;
    /** Wakes the streams listening, so that they ask the parts other nodes hold again. */
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partitioned-stream-ticks");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param maxStep the most seqs one step of a part covers, as {@link TransitionStreamService}'s
     * @param timeout how long a stream's opening waits for every part's first answer
     * @param askAgain how often a part another node holds is asked for its next step while it has none
     */
    public PartitionedStreamService(StreamParts parts, long maxStep, Duration timeout, Duration askAgain) {
        this.parts = parts;
        this.maxStep = maxStep;
        this.timeout = timeout;
        this.askAgain = askAgain;
    }

    @Override
    public Optional<StreamStep> step(int part, Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to,
            boolean entries, Optional<StreamPosition> at) {
        StoreHistory history = parts.held(part).orElseThrow(() -> new StorageStartingException("partition " + part
                + " is not held by this node"));
        return new HistorySteps(history, maxStep).continued(selection(attribute, from, to, entries), at);
    }

    @Override
    public Watch watch(Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to, boolean entries,
            Optional<String> after) {
        StreamSelection selection = selection(attribute, from, to, entries);
        Optional<PartitionedPosition> start = after.map(token -> PartitionedPosition.parse(token, parts.count()));
        List<CompletableFuture<Optional<StreamStep>>> first = new ArrayList<>();
        for (int part = 0; part < parts.count(); part++) {
            int asked = part;
            first.add(ask(part, selection, start.map(position -> position.parts().get(asked))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Optional<StreamStep>> steps = new ArrayList<>();
        SortedSet<Integer> unanswered = new TreeSet<>();
        for (int part = 0; part < parts.count(); part++) {
            try {
                steps.add(first.get(part).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                refused(e.getCause(), after);
                unanswered.add(part);
            } catch (TimeoutException e) {
                unanswered.add(part);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageStartingException("interrupted while the stream's partitions were asked");
            }
        }
        if (!unanswered.isEmpty()) {
            throw new StorageStartingException("the transitions stream cannot start: partitions " + unanswered
                    + " were not answered for within " + timeout + "; try again");
        }
        // Each part's owner checked its position (HistorySteps.resumed): a step to resume in, or one that follows.
        List<PartCursor> cursors = new ArrayList<>();
        for (int part = 0; part < parts.count(); part++) {
            Optional<StreamStep> step = steps.get(part);
            int at = part;
            StreamPosition position = start.map(place -> place.parts().get(at))
                    .orElseGet(() -> StreamPosition.at(step.orElseThrow().after()));
            cursors.add(new PartCursor(part, position, step.orElse(null)));
        }
        return new PartitionedWatch(selection, cursors);
    }

    /** A part's answer that ends the stream's opening: its position is gone or was never issued. */
    private static void refused(Throwable cause, Optional<String> after) {
        Throwable failure = cause instanceof CompletionException ? cause.getCause() : cause;
        if (failure instanceof PositionGoneException gone) {
            throw gone;
        }
        if (failure instanceof HistoryGoneException gone) {
            throw HistorySteps.gone(gone);
        }
        if (failure instanceof InvalidPositionException) {
            throw new InvalidPositionException(after.orElse(""), failure.getMessage());
        }
    }

    /** The part's step from {@code at}: computed here when this node holds the part, else asked of its owner. */
    private CompletableFuture<Optional<StreamStep>> ask(int part, StreamSelection selection,
            Optional<StreamPosition> at) {
        Optional<StoreHistory> held = parts.held(part);
        if (held.isEmpty()) {
            return parts.ask(part, selection.attribute(), selection.filter().from(), selection.filter().to(),
                    selection.entries(), at);
        }
        try {
            return CompletableFuture.completedFuture(new HistorySteps(held.get(), maxStep).continued(selection, at));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static StreamSelection selection(Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to,
            boolean entries) {
        return new StreamSelection(attribute, new TransitionFilter(from, to, Window.ALL), entries);
    }

    /** One part's place in a client's stream: its position, the step it is in, the question asked of it meanwhile. */
    private final class PartCursor {

        private final int part;
        private StreamPosition position;
        /** The step the position lies in or ends; null before the part had one. */
        private StreamStep step;
        private CompletableFuture<Optional<StreamStep>> asked;
        /** When the part may be asked again after an answer without a step (System.nanoTime). */
        private long quietUntil;

        PartCursor(int part, StreamPosition position, StreamStep step) {
            this.part = part;
            this.position = position;
            this.step = step;
        }

        /** The messages of its step already sent: those the position counts, when it lies in that step. */
        private int sent() {
            return step != null && position.after() == step.after() && position.upTo() == step.upTo()
                    ? position.sent() : 0;
        }

        boolean hasMessage() {
            return step != null && sent() < step.messages().size();
        }

        TransitionChange take() {
            int sent = sent();
            position = new StreamPosition(step.after(), step.upTo(), sent + 1);
            return step.messages().get(sent);
        }

        /**
         * Asks for the part's next step once its step is sent (right away for a part this node holds; for another's,
         * not again within {@code askAgain} of an answer without one), and takes in the answer when it came; true when
         * a step came. {@code news} is told when an owner's answer comes.
         */
        boolean refill(StreamSelection selection, Runnable news) {
            if (asked == null && !hasMessage()
                    && (parts.held(part).isPresent() || System.nanoTime() >= quietUntil)) {
                asked = ask(part, selection, Optional.of(StreamPosition.at(step != null ? step.upTo()
                        : position.after())));
                if (!asked.isDone()) {
                    asked.thenRun(news);
                }
            }
            if (asked == null || !asked.isDone()) {
                return false;
            }
            CompletableFuture<Optional<StreamStep>> answer = asked;
            asked = null;
            try {
                Optional<StreamStep> next = answer.join();
                if (next.isPresent()) {
                    step = next.get();
                    return true;
                }
            } catch (CompletionException e) {
                if (e.getCause() instanceof PositionGoneException || e.getCause() instanceof HistoryGoneException) {
                    refused(e.getCause(), Optional.empty());
                }
                // No owner answered in time, or the part moved while it was asked: it is asked again later.
            }
            quietUntil = System.nanoTime() + askAgain.toNanos();
            return false;
        }
    }

    private final class PartitionedWatch implements Watch {

        private final StreamSelection selection;
        private final List<PartCursor> cursors;
        private volatile Runnable news = () -> { };
        /** The part whose messages go first next time, so that no part waits behind a busy one. */
        private int first;

        PartitionedWatch(StreamSelection selection, List<PartCursor> cursors) {
            this.selection = selection;
            this.cursors = cursors;
        }

        @Override
        public List<Message> next(int limit) {
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < cursors.size() && messages.size() < limit; i++) {
                PartCursor cursor = cursors.get((first + i) % cursors.size());
                while (messages.size() < limit && (cursor.hasMessage() || cursor.refill(selection, this::told))) {
                    if (cursor.hasMessage()) {
                        TransitionChange change = cursor.take();
                        messages.add(new Message(position(), change));
                    }
                }
            }
            first = (first + 1) % cursors.size();
            return messages;
        }

        private void told() {
            news.run();
        }

        @Override
        public String position() {
            List<StreamPosition> places = new ArrayList<>();
            cursors.forEach(cursor -> places.add(cursor.position));
            return new PartitionedPosition(places).token();
        }

        @Override
        public Runnable listen(Runnable listener) {
            news = listener;
            Runnable stopApplied = parts.onApplied(listener);
            var ticking = ticks.scheduleWithFixedDelay(listener, askAgain.toMillis(), askAgain.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> {
                stopApplied.run();
                ticking.cancel(false);
                news = () -> { };
            };
        }
    }
}
