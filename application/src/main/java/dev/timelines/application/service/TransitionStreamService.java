package dev.timelines.application.service;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transitions stream read from the store's history by seq (docs/semantics.md, "The live stream"): a client
 * goes from step to step, a step being the messages of the writes with a seq in (S, U] ({@link StreamSelection}),
 * never beyond the durable seq. Its position is (S, U, messages of that step sent): a function of the store alone,
 * so a client resumes on any instance and across a restart of a store that keeps its history. Clients of one
 * selection share the steps at the frontier ({@link StreamHub}).
 */
public final class TransitionStreamService implements WatchTransitionsUseCase {

    private final StoreHistory history;
    private final HistorySteps steps;
    /** The hubs of the selections streams listen to, with how many listen (guarded by this). */
    private final Map<StreamSelection, Shared> hubs = new HashMap<>();

    private static final class Shared {
        private final StreamHub hub;
        private int listening;

        Shared(StreamHub hub) {
            this.hub = hub;
        }
    }

    /**
     * @param maxStep the most seqs (taken by writes) one step covers: bounds the work and the messages of a step,
     *     whether a client catches up or the frontier moved by a large write
     */
    public TransitionStreamService(StoreHistory history, long maxStep) {
        this.history = history;
        this.steps = new HistorySteps(history, maxStep);
    }

    @Override
    public Watch watch(Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to, boolean entries,
            Optional<String> after) {
        StreamSelection selection = new StreamSelection(attribute, new TransitionFilter(from, to, Window.ALL),
                entries);
        StreamHub hub = hub(selection);
        if (after.isEmpty()) {
            // The durable seq, not the hub's frontier: a new stream starts at the store as it is, without waiting
            // for the hub; its first step, up to the hub's next boundary, is its own.
            long start = history.durable();
            return new StepWatch(selection, hub, StreamStep.at(start), StreamPosition.at(start));
        }
        StreamPosition position = StreamPosition.parse(after.get());
        return new StepWatch(selection, hub, steps.resumed(selection, position), position);
    }

    private synchronized StreamHub hub(StreamSelection selection) {
        return hubs.computeIfAbsent(selection, any -> new Shared(new StreamHub(selection, history, steps.ends()))).hub;
    }

    private synchronized void listening(StreamSelection selection, StreamHub hub) {
        hubs.computeIfAbsent(selection, any -> new Shared(hub)).listening++;
    }

    /** The last stream of a selection stopped listening: its hub goes, and a later stream starts a new one. */
    private synchronized void stopped(StreamSelection selection) {
        Shared shared = hubs.get(selection);
        if (shared != null && --shared.listening <= 0) {
            hubs.remove(selection);
        }
    }

    private final class StepWatch implements Watch {

        private final StreamSelection selection;
        private final StreamHub hub;
        private StreamStep step;
        private StreamPosition position;

        StepWatch(StreamSelection selection, StreamHub hub, StreamStep step, StreamPosition position) {
            this.selection = selection;
            this.hub = hub;
            this.step = step;
            this.position = position;
        }

        @Override
        public List<Message> next(int limit) {
            List<Message> messages = new ArrayList<>();
            while (messages.size() < limit) {
                int sent = position.upTo() == step.upTo() && position.after() == step.after() ? position.sent() : 0;
                if (sent < step.messages().size()) {
                    position = new StreamPosition(step.after(), step.upTo(), sent + 1);
                    messages.add(new Message(position.token(), step.messages().get(sent)));
                    continue;
                }
                StreamStep next = HistorySteps.available(() -> hub.stepAfter(step.upTo()));
                if (next == null) {
                    break;
                }
                step = next;
            }
            return messages;
        }

        @Override
        public String position() {
            return position.token();
        }

        @Override
        public Runnable listen(Runnable listener) {
            listening(selection, hub);
            Runnable stop = history.onDurable(listener);
            Runnable stopSteps = hub.onStep(listener);
            return () -> {
                stop.run();
                stopSteps.run();
                stopped(selection);
            };
        }
    }
}
