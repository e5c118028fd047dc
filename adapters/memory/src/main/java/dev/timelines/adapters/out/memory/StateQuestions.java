package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about states across timelines, answered from the stays the transition lists keep: a timeline is in
 * a value from a transition into it until it {@code left}. Counting needs only ranks in those lists; listing
 * visits the stays that overlap the moment or window (and the chunks they share), not every timeline.
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
            if (Math.max(entered, window.since()) < Math.min(left, window.until()) && offered.firstSighting(timeline)) {
                selection.offer(key(timeline));
            }
        };
        for (PairTable.Pair pair : pairsInto(value)) {
            pair.transitions().forEachStayOverlapping(window.since(), window.until(), offer);
        }
        return selection.sorted();
    }

    /** Stays entered by T, minus those left by T: the transitions into each value and out of it up to T. */
    StateCounts statesAt(Timestamp at) {
        long[] counts = new long[index.dictionary().slots()];
        for (PairTable.Pair pair : index.pairs().all()) {
            long upToAt = pair.transitions().countAtOrBefore(at.micros());
            counts[pair.to()] += upToAt;
            if (!pair.isEntry()) {
                counts[pair.from()] -= upToAt;
            }
        }
        List<ValueCount> answer = new ArrayList<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                answer.add(new ValueCount(index.dictionary().value(id), counts[id]));
            }
        }
        return new StateCounts(at, answer);
    }

    /** Each stay clipped to the window; an open one ends at {@code until} or now, whichever is earlier. */
    List<TimeInState> timeInStates(WindowBounds window, Timestamp now) {
        TimelineMarks counted = new TimelineMarks(index.timelineSlots());
        List<TimeInState> answer = new ArrayList<>();
        for (int id = 0; id < index.dictionary().slots(); id++) {
            Spent spent = new Spent(window, now, counted);
            for (PairTable.Pair pair : index.pairs().into(id)) {
                pair.transitions().forEachStayOverlapping(window.since(), window.until(), spent);
            }
            if (spent.timelines > 0) {
                answer.add(new TimeInState(index.dictionary().value(id), spent.total(), spent.timelines));
            }
        }
        return answer;
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
        private final long openEnd;
        private final TimelineMarks counted;
        private long seconds;
        private long micros;
        private long timelines;

        Spent(WindowBounds window, Timestamp now, TimelineMarks counted) {
            this.window = window;
            this.openEnd = Math.min(window.until(), now.micros());
            this.counted = counted;
            counted.nextGroup();
        }

        @Override
        public void visit(int timeline, long entered, long duration, long left, int next) {
            long end = left == TransitionList.OPEN ? openEnd : Math.min(left, window.until());
            long begin = Math.max(entered, window.since());
            if (end > begin) {
                seconds += (end - begin) / Timestamp.MICROS_PER_SECOND;
                micros += (end - begin) % Timestamp.MICROS_PER_SECOND;
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
