package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.application.question.DurationSamples;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialProcessMap;
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
 * The fast paths of the transition questions, from the per-pair transition lists: each pair's transitions inside
 * a window are one contiguous run, so the cost grows with the transitions the answer is made of, not with the
 * store. They fill the questions' partial answers (docs/architecture.md); the shared contract checks them.
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

    /** Per pair its run in the window: the durations and the timelines that made them; entries per value. */
    void processMap(PartialProcessMap partial) {
        WindowBounds window = WindowBounds.of(partial.filter().window());
        TimelineMarks marks = new TimelineMarks(index.timelineSlots());
        for (PairTable.Pair pair : selectedPairs(partial.filter())) {
            Run run = run(pair, window, marks);
            if (run.count() == 0) {
                continue;
            }
            if (pair.isEntry()) {
                partial.addEntries(value(pair.to()), run.count());
            } else {
                partial.addPair(new PartialProcessMap.Pair(value(pair.from()), value(pair.to())), run.durations(),
                        run.timelines());
            }
        }
    }

    /** For each entry into the value, the timeline's next change point, however late: kept with the entry. */
    void next(PartialAdjacentValues partial) {
        int id = index.dictionary().idOf(partial.value());
        WindowBounds window = WindowBounds.of(partial.window());
        Followers followers = new Followers(index.dictionary().slots());
        for (PairTable.Pair pair : id < 0 ? List.<PairTable.Pair>of() : index.pairs().into(id)) {
            pair.transitions().forEachIn(window.since(), window.until(), followers);
        }
        partial.addEntries(followers.entries, followers.none);
        addNeighbours(partial, followers.durations);
    }

    /** For each entry into the value, the value it came from and how long that held; first points count as none. */
    void previous(PartialAdjacentValues partial) {
        int id = index.dictionary().idOf(partial.value());
        WindowBounds window = WindowBounds.of(partial.window());
        LongList[] durations = new LongList[index.dictionary().slots()];
        TimelineMarks marks = new TimelineMarks(index.timelineSlots());
        for (PairTable.Pair pair : id < 0 ? List.<PairTable.Pair>of() : index.pairs().into(id)) {
            Run run = run(pair, window, marks);
            partial.addEntries(run.count(), pair.isEntry() ? run.count() : 0);
            if (!pair.isEntry() && run.count() > 0) {
                durations[pair.from()] = run.lengths();
            }
        }
        addNeighbours(partial, durations);
    }

    /** The durations per neighbouring value, indexed by value id. */
    private void addNeighbours(PartialAdjacentValues partial, LongList[] durations) {
        for (int id = 0; id < durations.length; id++) {
            if (durations[id] != null) {
                partial.addNeighbour(value(id), DurationSamples.of(durations[id].array(), durations[id].size()));
            }
        }
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

        DurationSamples durations() {
            return DurationSamples.of(lengths.array(), lengths.size());
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
