package dev.timelines.application.port.out;

import dev.timelines.application.model.TransitionFilter;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.Optional;

/**
 * Which stays a question needs from {@link StoreScans#stays}: by their time (entered in a window, overlapping it,
 * or holding at a moment), optionally by their value and by the value held before them (which an entry lacks).
 * The rules are those of {@link Stay}: an adapter selects with them, or more broadly.
 */
public record StaySelection(Period period, Optional<JsonValue> value, Optional<JsonValue> previous) {

    /** The time a stay must have. */
    public sealed interface Period {

        boolean matches(Stay stay);
    }

    /** Stays whose change point lies in the window: the transitions (and entries) in it. */
    public record EnteredIn(Window window) implements Period {
        @Override
        public boolean matches(Stay stay) {
            return stay.enteredIn(window);
        }
    }

    /** Stays with a positive time inside the window, a stay still held counting as held for good. */
    public record Overlapping(Window window) implements Period {
        @Override
        public boolean matches(Stay stay) {
            return stay.hasTimeIn(window);
        }
    }

    /** The stays that hold at the moment: the states at it. */
    public record HoldingAt(Timestamp at) implements Period {
        @Override
        public boolean matches(Stay stay) {
            return stay.holdsAt(at);
        }
    }

    public StaySelection {
        if (period == null || value == null || previous == null) {
            throw new IllegalArgumentException("a selection has a period and optional values");
        }
    }

    /** The transitions (and entries) in the filter's window, into its {@code to} and out of its {@code from}. */
    public static StaySelection transitions(TransitionFilter filter) {
        return new StaySelection(new EnteredIn(filter.window()), filter.to(), filter.from());
    }

    public static StaySelection of(Period period) {
        return new StaySelection(period, Optional.empty(), Optional.empty());
    }

    public StaySelection withValue(JsonValue held) {
        return new StaySelection(period, Optional.of(held), previous);
    }

    public boolean matches(Stay stay) {
        return period.matches(stay) && value.map(stay.value()::equals).orElse(true)
                && previous.map(before -> stay.previous().map(p -> p.value().equals(before)).orElse(false))
                        .orElse(true);
    }
}
