package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.in.StateCounts;
import dev.timelines.application.port.in.TimeInState;
import dev.timelines.application.port.in.ValueCount;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about states across timelines, answered from each timeline's change points by binary search: the
 * cost grows with the timelines having the attribute (and the change points inside a window), not with events.
 */
final class StateQuestions {

    private static final BigInteger MICROS_PER_SECOND = BigInteger.valueOf(Timestamp.MICROS_PER_SECOND);

    private final AttributeIndex index;
    private final Timelines timelines;

    StateQuestions(AttributeIndex index, Timelines timelines) {
        this.index = index;
        this.timelines = timelines;
    }

    List<TimelineKey> inState(JsonValue value, Timestamp at, KeyRange range) {
        int id = index.dictionary().idOf(value);
        KeySelection selection = new KeySelection(range);
        for (int timeline = 0; id >= 0 && timeline < index.timelineSlots(); timeline++) {
            ChangePoints points = index.changePoints(timeline);
            int state = points == null ? -1 : points.lastAtOrBefore(at.micros());
            if (state >= 0 && points.value(state) == id) {
                selection.offer(timelines.get(timeline).key());
            }
        }
        return selection.sorted();
    }

    List<TimelineKey> inStateDuring(JsonValue value, WindowBounds window, KeyRange range) {
        int id = index.dictionary().idOf(value);
        KeySelection selection = new KeySelection(range);
        for (int timeline = 0; id >= 0 && timeline < index.timelineSlots(); timeline++) {
            ChangePoints points = index.changePoints(timeline);
            if (points != null && heldDuring(points, id, window)) {
                selection.offer(timelines.get(timeline).key());
            }
        }
        return selection.sorted();
    }

    StateCounts statesAt(Timestamp at) {
        long[] counts = new long[index.dictionary().slots()];
        for (int timeline = 0; timeline < index.timelineSlots(); timeline++) {
            ChangePoints points = index.changePoints(timeline);
            int state = points == null ? -1 : points.lastAtOrBefore(at.micros());
            if (state >= 0) {
                counts[points.value(state)]++;
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

    /** Sums whole seconds and leftover microseconds apart, so totals over millions of timelines cannot overflow. */
    List<TimeInState> timeInStates(WindowBounds window, Timestamp now) {
        int slots = index.dictionary().slots();
        long[] seconds = new long[slots];
        long[] micros = new long[slots];
        long[] spenders = new long[slots];
        long[] spent = new long[slots];
        int[] touched = new int[slots];
        for (int timeline = 0; timeline < index.timelineSlots(); timeline++) {
            ChangePoints points = index.changePoints(timeline);
            if (points == null) {
                continue;
            }
            int touchedCount = 0;
            for (int i = Math.max(0, points.lastAtOrBefore(window.since()));
                    i < points.size() && points.at(i) < window.until(); i++) {
                long begin = Math.max(points.at(i), window.since());
                long end = i + 1 < points.size() ? Math.min(points.at(i + 1), window.until())
                        : Math.min(window.until(), now.micros());
                if (end > begin) {
                    int id = points.value(i);
                    if (spent[id] == 0) {
                        touched[touchedCount++] = id;
                    }
                    spent[id] += end - begin;
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int id = touched[t];
                seconds[id] += spent[id] / Timestamp.MICROS_PER_SECOND;
                micros[id] += spent[id] % Timestamp.MICROS_PER_SECOND;
                spenders[id]++;
                spent[id] = 0;
            }
        }
        List<TimeInState> answer = new ArrayList<>();
        for (int id = 0; id < slots; id++) {
            if (spenders[id] > 0) {
                BigInteger total = BigInteger.valueOf(seconds[id]).multiply(MICROS_PER_SECOND)
                        .add(BigInteger.valueOf(micros[id]));
                answer.add(new TimeInState(index.dictionary().value(id), total, spenders[id]));
            }
        }
        return answer;
    }

    /** Whether the timeline holds the value for a positive time inside the window; its last state holds forever. */
    private static boolean heldDuring(ChangePoints points, int id, WindowBounds window) {
        for (int i = Math.max(0, points.lastAtOrBefore(window.since()));
                i < points.size() && points.at(i) < window.until(); i++) {
            long end = i + 1 < points.size() ? points.at(i + 1) : Long.MAX_VALUE;
            if (points.value(i) == id && Math.max(points.at(i), window.since()) < Math.min(end, window.until())) {
                return true;
            }
        }
        return false;
    }
}
