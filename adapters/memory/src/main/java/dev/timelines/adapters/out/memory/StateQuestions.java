package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.question.DurationSamples;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast paths of the state questions, from the stays the transition lists keep: a timeline is in a value from
 * a transition into it until it {@code left}. Counting needs only ranks in those lists; listing visits the stays
 * that overlap the moment or window (and the chunks they share), not every timeline. The rules are the domain's
 * {@link Stay} rules on primitives; the shared contract checks the answers.
 */
final class StateQuestions {

    private static final BigInteger MICROS_PER_SECOND = BigInteger.valueOf(Timestamp.MICROS_PER_SECOND);

    private final AttributeIndex index;
    private final Timelines timelines;

    StateQuestions(AttributeIndex index, Timelines timelines) {
        this.index = index;
        this.timelines = timelines;
    }

    /** A timeline is in the value at T when a stay in it was entered at or before T and left after T. */
    List<TimelineKey> inState(JsonValue value, Timestamp at, KeyRange range) {
        KeySelection selection = new KeySelection(range);
        for (PairTable.Pair pair : pairsInto(value)) {
            pair.transitions().forEachStayOverlapping(at.micros(), at.micros() + 1,
                    (timeline, entered, duration, left, next) -> selection.offer(key(timeline)));
        }
        return selection.sorted();
    }

    /** A timeline may have several stays in the window: each is offered once. */
    List<TimelineKey> inStateDuring(JsonValue value, WindowBounds window, KeyRange range) {
        KeySelection selection = new KeySelection(range);
        TimelineMarks offered = new TimelineMarks(index.timelineSlots());
        TransitionList.Visitor offer = (timeline, entered, duration, left, next) -> {
            if (Stay.overlaps(entered, left, window.since(), window.until()) && offered.firstSighting(timeline)) {
                selection.offer(key(timeline));
            }
        };
        for (PairTable.Pair pair : pairsInto(value)) {
            pair.transitions().forEachStayOverlapping(window.since(), window.until(), offer);
        }
        return selection.sorted();
    }

    /** Stays entered by T, minus those left by T: the transitions into each value and out of it up to T. */
    void statesAt(PartialStateCounts partial) {
        long at = partial.at().micros();
        long[] counts = new long[index.dictionary().slots()];
        for (PairTable.Pair pair : index.pairs().all()) {
            long upToAt = pair.transitions().countAtOrBefore(at);
            counts[pair.to()] += upToAt;
            if (!pair.isEntry()) {
                counts[pair.from()] -= upToAt;
            }
        }
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                partial.add(index.dictionary().value(id), counts[id]);
                if (partial.ages()) {
                    partial.addAges(index.dictionary().value(id), ages(id, at));
                }
            }
        }
    }

    /** How long each timeline in the value at T had held it then: the stays into it that hold at T. */
    private DurationSamples ages(int id, long at) {
        LongList ages = new LongList();
        for (PairTable.Pair pair : index.pairs().into(id)) {
            pair.transitions().forEachStayOverlapping(at, at + 1,
                    (timeline, entered, duration, left, next) -> ages.add(at - entered));
        }
        return DurationSamples.of(ages.array(), ages.size());
    }

    /**
     * Stuck timelines: the stays holding at T that were entered before T minus the time, so that only the chunks
     * of stays entered that early are visited; ordered by since, then key.
     */
    List<StuckTimeline> stuck(StuckRun partial) {
        long at = partial.at().micros();
        long enteredBefore = at - partial.longerThanMicros();
        List<StuckTimeline> stuck = new ArrayList<>();
        for (PairTable.Pair pair : partial.selection().value().map(this::pairsInto).orElseGet(() ->
                List.copyOf(index.pairs().all()))) {
            JsonValue value = index.dictionary().value(pair.to());
            pair.transitions().forEachStayOverlapping(at, enteredBefore, (timeline, entered, duration, left, next) -> {
                StuckTimeline found = new StuckTimeline(key(timeline), value, new Timestamp(entered), at - entered);
                if (partial.after().isEmpty() || StuckRun.Position.of(found).compareTo(partial.after().get()) > 0) {
                    stuck.add(found);
                }
            });
        }
        stuck.sort(StuckRun.Position.LIST_ORDER);
        return stuck.size() <= partial.limit() ? stuck : stuck.subList(0, partial.limit());
    }

    /** Each stay clipped to the window as {@link Stay#microsIn} says, summed per value. */
    void timeInStates(PartialTimeInStates partial) {
        WindowBounds window = WindowBounds.of(partial.window());
        TimelineMarks counted = new TimelineMarks(index.timelineSlots());
        for (int id = 0; id < index.dictionary().slots(); id++) {
            Spent spent = new Spent(window, partial.now(), counted);
            for (PairTable.Pair pair : index.pairs().into(id)) {
                pair.transitions().forEachStayOverlapping(window.since(), window.until(), spent);
            }
            if (spent.timelines > 0) {
                partial.add(index.dictionary().value(id), spent.total(), spent.timelines);
            }
        }
    }

    private List<PairTable.Pair> pairsInto(JsonValue value) {
        int id = index.dictionary().idOf(value);
        return id < 0 ? List.of() : index.pairs().into(id);
    }

    private TimelineKey key(int timeline) {
        return timelines.get(timeline).key();
    }

    /**
     * Time in one value, stay by stay, and the timelines that spent some: whole seconds and leftover microseconds
     * are summed apart, so that millions of stays cannot overflow.
     */
    private static final class Spent implements TransitionList.Visitor {
        private final WindowBounds window;
        private final long now;
        private final TimelineMarks counted;
        private long seconds;
        private long micros;
        private long timelines;

        Spent(WindowBounds window, Timestamp now, TimelineMarks counted) {
            this.window = window;
            this.now = now.micros();
            this.counted = counted;
            counted.nextGroup();
        }

        @Override
        public void visit(int timeline, long entered, long duration, long left, int next) {
            long inside = Stay.microsIn(entered, left, window.since(), window.until(), now);
            if (inside > 0) {
                seconds += inside / Timestamp.MICROS_PER_SECOND;
                micros += inside % Timestamp.MICROS_PER_SECOND;
                if (counted.firstSighting(timeline)) {
                    timelines++;
                }
            }
        }

        BigInteger total() {
            return BigInteger.valueOf(seconds).multiply(MICROS_PER_SECOND).add(BigInteger.valueOf(micros));
        }
    }
}
