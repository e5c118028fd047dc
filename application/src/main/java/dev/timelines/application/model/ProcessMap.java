package dev.timelines.application.model;

import java.util.List;

/** The summary (docs/semantics.md): statistics per (from, to) pair, and the entries into each value. */
public record ProcessMap(List<PairStatistics> pairs, List<ValueCount> entries) {

    public ProcessMap {
        pairs = List.copyOf(pairs);
        entries = List.copyOf(entries);
    }
}
