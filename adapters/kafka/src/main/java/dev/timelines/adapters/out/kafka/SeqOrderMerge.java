package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.SeqWindow;
import dev.timelines.domain.TimelineEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The export of the whole store merged from its parts in seq order (docs/scaling.md, "Kafka"): each part is read a
 * page at a time from its lowest seq on, and the next event handed over is the lowest of the parts' next events, so
 * that at most one page of each part is held. Seqs are unique in the store and the same on every node replaying a
 * partition, which is all the merge relies on: the parts' order is the store's.
 */
final class SeqOrderMerge {

    /** A part of the store, read a page at a time. */
    @FunctionalInterface
    interface Pages {

        /** The part's next events from seq {@code from} on, in seq order, and where the page after starts. */
        SeqWindow from(long from);
    }

    /** A part being read: the rest of its current page and where its next page starts. */
    private static final class Part {

        private final Pages pages;
        private final Deque<TimelineEvent> page;
        private OptionalLong next;

        Part(Pages pages, SeqWindow first) {
            this.pages = pages;
            this.page = new ArrayDeque<>(first.events());
            this.next = first.next();
        }

        /** Whether an event is left, reading the next page once this one is handed over. */
        boolean hasEvent() {
            while (page.isEmpty() && next.isPresent()) {
                SeqWindow read = pages.from(next.getAsLong());
                page.addAll(read.events());
                next = read.next();
            }
            return !page.isEmpty();
        }

        long nextSeq() {
            return page.getFirst().event().seq();
        }
    }

    private final List<Part> parts = new ArrayList<>();

    /** Adds a part, of which the first page was read. */
    SeqOrderMerge with(Pages pages, SeqWindow first) {
        parts.add(new Part(pages, first));
        return this;
    }

    /** Hands over every event of every part in seq order, reading each part's pages as they are needed. */
    void handOver(Consumer<TimelineEvent> event) {
        PriorityQueue<Part> byNextSeq = new PriorityQueue<>(Comparator.comparingLong(Part::nextSeq));
        parts.stream().filter(Part::hasEvent).forEach(byNextSeq::add);
        while (!byNextSeq.isEmpty()) {
            Part lowest = byNextSeq.poll();
            event.accept(lowest.page.removeFirst());
            if (lowest.hasEvent()) {
                byNextSeq.add(lowest);
            }
        }
    }
}
