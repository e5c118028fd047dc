package dev.timelines.application.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first items of a list in a fixed order, out of items found one by one in any order and runs found already
 * sorted (by a fast path, or by another part of the store): the paged lists merge this way. A single sorted run is
 * taken as it is, without a copy or a sort. Not thread-safe.
 */
final class SortedRun<T> {

    private final Comparator<T> order;
    private final int limit;
    private final List<T> found = new ArrayList<>();
    private final List<List<T>> runs = new ArrayList<>();

    SortedRun(Comparator<T> order, int limit) {
        this.order = order;
        this.limit = limit;
    }

    void add(T item) {
        found.add(item);
    }

    void addSorted(List<T> run) {
        runs.add(run);
    }

    /** At most {@code limit} items, the first in the order. */
    List<T> first() {
        List<T> all;
        if (found.isEmpty() && runs.size() == 1) {
            all = runs.get(0);
        } else {
            all = new ArrayList<>(found);
            runs.forEach(all::addAll);
            all.sort(order);
        }
        return all.size() <= limit ? all : all.subList(0, limit);
    }
}
