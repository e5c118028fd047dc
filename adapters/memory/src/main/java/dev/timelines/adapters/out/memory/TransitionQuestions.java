package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Questions about transitions across timelines, answered from the per-pair transition lists: each pair's
 * transitions inside a window are one contiguous run, so the cost grows with the transitions the answer is
 * made of, not with the store.
 */
final class TransitionQuestions {

    private final AttributeIndex index;
    private final Timelines timelines;

    TransitionQuestions(AttributeIndex index, Timelines timelines) {
        this.index = index;
        this.timelines = timelines;
    }

    /** Merges the selected pairs' runs by time; transitions at the same time are ordered by (key, seq). */
    List<Transition> transitions(TransitionFilter filter, boolean entries, Optional<TransitionPosition> after,
            int limit) {
        WindowBounds window = WindowBounds.of(filter.window());
        long start = Math.max(window.since(), after.map(TransitionPosition::atMicros).orElse(Long.MIN_VALUE));
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(head -> head.cursor.at()));
        for (PairTable.Pair pair : selectedPairs(filter)) {
            if (entries || !pair.isEntry()) {
                Head head = new Head(pair, pair.transitions().from(start));
                if (head.cursor.valid()) {
                    heads.add(head);
                }
            }
        }
        List<Transition> found = new ArrayList<>();
        while (!heads.isEmpty() && found.size() < limit && heads.peek().cursor.at() < window.until()) {
            for (Transition transition : sameTime(heads)) {
                boolean resumed = after.map(position -> TransitionPosition.of(transition).compareTo(position) > 0)
                        .orElse(true);
                if (resumed && found.size() < limit) {
                    found.add(transition);
                }
            }
        }
        return found;
    }

    ProcessMap processMap(TransitionFilter filter) {
        WindowBounds window = WindowBounds.of(filter.window());
        List<PairStatistics> pairs = new ArrayList<>();
        List<ValueCount> entries = new ArrayList<>();
        TimelineMarks marks = new TimelineMarks(index.timelineSlots());
        for (PairTable.Pair pair : selectedPairs(filter)) {
            Run run = run(pair, window, marks);
            if (run.count() == 0) {
                continue;
            }
            if (pair.isEntry()) {
                entries.add(new ValueCount(value(pair.to()), run.count()));
            } else {
                pairs.add(new PairStatistics(value(pair.from()), value(pair.to()), run.timelines(),
                        run.statistics()));
            }
        }
        return new ProcessMap(pairs, entries);
    }

    /** For each entry into the value, the timeline's next change point, however late: kept with the entry. */
    AdjacentValues next(JsonValue value, WindowBounds window) {
        int id = index.dictionary().idOf(value);
        Followers followers = new Followers(index.dictionary().slots());
        for (PairTable.Pair pair : id < 0 ? List.<PairTable.Pair>of() : index.pairs().into(id)) {
            pair.transitions().forEachIn(window.since(), window.until(), followers);
        }
        return new AdjacentValues(value, followers.entries, neighbours(followers.durations), followers.none);
    }

    /** For each entry into the value, the value it came from and how long that held; first points count as none. */
    AdjacentValues previous(JsonValue value, WindowBounds window) {
        int id = index.dictionary().idOf(value);
        LongList[] durations = new LongList[index.dictionary().slots()];
        long entries = 0;
        long none = 0;
        TimelineMarks marks = new TimelineMarks(index.timelineSlots());
        for (PairTable.Pair pair : id < 0 ? List.<PairTable.Pair>of() : index.pairs().into(id)) {
            Run run = run(pair, window, marks);
            entries += run.count();
            if (pair.isEntry()) {
                none += run.count();
            } else if (run.count() > 0) {
                durations[pair.from()] = run.lengths();
            }
        }
        return new AdjacentValues(value, entries, neighbours(durations), none);
    }

    /** The statistics per neighbouring value, from durations indexed by value id. */
    private List<ValueDurations> neighbours(LongList[] durations) {
        List<ValueDurations> neighbours = new ArrayList<>();
        for (int id = 0; id < durations.length; id++) {
            if (durations[id] != null) {
                neighbours.add(new ValueDurations(value(id),
                        DurationStatistics.of(durations[id].array(), durations[id].size())));
            }
        }
        return neighbours;
    }

    /** The pairs a filter can match, found through its values; empty when a value never occurs. */
    private Collection<PairTable.Pair> selectedPairs(TransitionFilter filter) {
        int from = filter.from().map(index.dictionary()::idOf).orElse(PairTable.ENTRY);
        int to = filter.to().map(index.dictionary()::idOf).orElse(PairTable.ENTRY);
        if (filter.from().isPresent() && from < 0 || filter.to().isPresent() && to < 0) {
            return List.of();
        }
        if (filter.to().isPresent()) {
            return index.pairs().into(to).stream()
                    .filter(pair -> filter.from().isEmpty() || pair.from() == from).toList();
        }
        return filter.from().isPresent() ? index.pairs().outOf(from) : index.pairs().all();
    }

    /** Takes every transition at the earliest time among the heads, sorted by (timeline key, seq). */
    private List<Transition> sameTime(PriorityQueue<Head> heads) {
        long at = heads.peek().cursor.at();
        List<Transition> group = new ArrayList<>();
        while (!heads.isEmpty() && heads.peek().cursor.at() == at) {
            Head head = heads.poll();
            for (; head.cursor.valid() && head.cursor.at() == at; head.cursor.next()) {
                group.add(transition(head.pair, head.cursor));
            }
            if (head.cursor.valid()) {
                heads.add(head);
            }
        }
        group.sort(Comparator.comparing(TransitionPosition::of));
        return group;
    }

    private Transition transition(PairTable.Pair pair, TransitionList.Cursor cursor) {
        Optional<JsonValue> from = pair.isEntry() ? Optional.empty() : Optional.of(value(pair.from()));
        return new Transition(timelines.get(cursor.timeline()).key(), new Timestamp(cursor.at()), cursor.seq(), from,
                value(pair.to()), cursor.duration());
    }

    private static Run run(PairTable.Pair pair, WindowBounds window, TimelineMarks marks) {
        Run run = new Run(marks);
        pair.transitions().forEachIn(window.since(), window.until(), run);
        return run;
    }

    private JsonValue value(int id) {
        return index.dictionary().value(id);
    }

    /** A pair's list with the cursor on its next transition, for merging lists by time. */
    private record Head(PairTable.Pair pair, TransitionList.Cursor cursor) {
    }

    /** The transitions of one pair inside a window: their durations, and how many distinct timelines made them. */
    private static final class Run implements TransitionList.Visitor {
        private final LongList lengths = new LongList();
        private final TimelineMarks marks;
        private long timelines;

        Run(TimelineMarks marks) {
            this.marks = marks;
            marks.nextGroup();
        }

        @Override
        public void visit(int timeline, long at, long duration, long left, int next) {
            lengths.add(duration);
            if (marks.firstSighting(timeline)) {
                timelines++;
            }
        }

        long count() {
            return lengths.size();
        }

        LongList lengths() {
            return lengths;
        }

        long timelines() {
            return timelines;
        }

        DurationStatistics statistics() {
            return DurationStatistics.of(lengths.array(), lengths.size());
        }
    }

    /** Entries into a value and, per value id, the time until the value that followed; {@code none} if none did. */
    private static final class Followers implements TransitionList.Visitor {
        private final LongList[] durations;
        private long entries;
        private long none;

        Followers(int valueSlots) {
            durations = new LongList[valueSlots];
        }

        @Override
        public void visit(int timeline, long at, long duration, long left, int next) {
            entries++;
            if (next == PairTable.ENTRY) {
                none++;
                return;
            }
            if (durations[next] == null) {
                durations[next] = new LongList();
            }
            durations[next].add(left - at);
        }
    }
}
