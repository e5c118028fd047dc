package dev.timelines.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A funnel (docs/semantics.md, "Funnels"): 2 to 16 step values, a value may repeat, and optionally the longest
 * time a chain may take from its first step to its last. An entry into v is a stay in v (a timeline's first
 * change point included); a chain is entries into the steps in order, strictly increasing in (timestamp, seq).
 */
public record Funnel(List<JsonValue> steps, Optional<Long> withinMicros) {

    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 16;

    public Funnel {
        steps = List.copyOf(steps);
        if (steps.size() < MIN_STEPS || steps.size() > MAX_STEPS) {
            throw new InvalidValueException("a funnel has " + MIN_STEPS + " to " + MAX_STEPS + " steps, not "
                    + steps.size());
        }
        if (withinMicros.isPresent() && withinMicros.get() < 0) {
            throw new InvalidValueException("within must not be negative");
        }
    }

    /**
     * A timeline's chain, from its entries that may take part (in the window, where the conditions hold), in time
     * order: the longest chain, of those the one with the earliest first step, then the earliest second, and so
     * on. For a given first step, taking each next step's earliest entry after the last gives it, and a step too
     * late for {@code within} leaves no later entry in time either. Empty when no entry is into the first step.
     */
    public List<Stay> chain(List<Stay> entries) {
        List<Stay> best = List.of();
        for (int first = 0; first < entries.size() && best.size() < steps.size(); first++) {
            if (entries.get(first).value().equals(steps.get(0))) {
                List<Stay> chain = chainFrom(entries, first);
                if (chain.size() > best.size()) {
                    best = chain;
                }
            }
        }
        return best;
    }

    private List<Stay> chainFrom(List<Stay> entries, int first) {
        List<Stay> chain = new ArrayList<>(steps.size());
        chain.add(entries.get(first));
        int at = first;
        for (int step = 1; step < steps.size(); step++) {
            int next = nextEntryInto(entries, at + 1, steps.get(step));
            if (next < 0 || !inTime(entries.get(first), entries.get(next))) {
                break;
            }
            chain.add(entries.get(next));
            at = next;
        }
        return chain;
    }

    private static int nextEntryInto(List<Stay> entries, int from, JsonValue value) {
        for (int i = from; i < entries.size(); i++) {
            if (entries.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private boolean inTime(Stay first, Stay last) {
        return withinMicros.map(within -> last.since().micros() - first.since().micros() <= within).orElse(true);
    }
}
