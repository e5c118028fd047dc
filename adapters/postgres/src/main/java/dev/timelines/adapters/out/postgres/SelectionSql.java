package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.StaySelection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement over the change points of one attribute that a {@link StaySelection} matches. A change point is a
 * stay, held from {@code ts} until {@code next_ts} (for good while that is null), so each rule of
 * {@link dev.timelines.domain.Stay} the selection names becomes a condition on the row; the statement's template
 * takes the condition where it says {@code %s}. Each shape of selection (its period, with or without a value,
 * with or without a previous value) makes its statement once.
 */
final class SelectionSql {

    /** {@link dev.timelines.domain.Stay#enteredIn}: the change point lies in {@code [since, until)}. */
    private static final String ENTERED_IN = "ts >= :since AND ts < :until";
    /**
     * {@link dev.timelines.domain.Stay#holds}: {@code ts <= at < next_ts}; of two change points at T the first
     * ends where it starts and never holds, which is "ties: the highest seq" (docs/semantics.md).
     */
    private static final String HOLDING_AT = "ts <= :at AND (next_ts > :at OR next_ts IS NULL)";
    /**
     * {@link dev.timelines.domain.Stay#overlaps}: the stay's time inside the window,
     * {@code [max(ts, since), min(next_ts, until))}, is not empty.
     */
    private static final String OVERLAPPING = """
            ts < :until AND :since < :until AND (next_ts IS NULL OR next_ts > GREATEST(ts, :since))""";
    private static final String VALUE_IS = " AND " + ValueSql.matches("value", "value_hash", "value");
    /** An entry has no previous value, so a selection by the previous value drops entries. */
    private static final String PREVIOUS_IS = " AND " + ValueSql.matches("prev_value", "prev_hash", "previous");

    private final String template;
    private final Map<String, Sql> forms = new ConcurrentHashMap<>();

    SelectionSql(String template) {
        this.template = template;
    }

    /** The statement selecting as the selection does. */
    Sql of(StaySelection selection) {
        return forms.computeIfAbsent(condition(selection), condition -> new Sql(template.formatted(condition)));
    }

    /** The parameters of the selection's condition, for the attribute's change points. */
    static Sql.Params params(int attribute, StaySelection selection) {
        Sql.Params params = Sql.with("attribute", attribute);
        StaySelection.Period period = selection.period();
        if (period instanceof StaySelection.HoldingAt holding) {
            params.with("at", holding.at().micros());
        } else if (period instanceof StaySelection.EnteredIn entered) {
            Bounds.of(entered.window()).into(params);
        } else if (period instanceof StaySelection.Overlapping overlapping) {
            Bounds.of(overlapping.window()).into(params);
        }
        selection.value().ifPresent(value -> params.with("value", JsonText.write(value)));
        selection.previous().ifPresent(previous -> params.with("previous", JsonText.write(previous)));
        return params;
    }

    private static String condition(StaySelection selection) {
        return "attribute_id = :attribute AND " + period(selection.period())
                + (selection.value().isPresent() ? VALUE_IS : "")
                + (selection.previous().isPresent() ? PREVIOUS_IS : "");
    }

    private static String period(StaySelection.Period period) {
        if (period instanceof StaySelection.HoldingAt) {
            return HOLDING_AT;
        }
        if (period instanceof StaySelection.EnteredIn) {
            return ENTERED_IN;
        }
        if (period instanceof StaySelection.Overlapping) {
            return OVERLAPPING;
        }
        throw new IllegalArgumentException("no condition for " + period);
    }
}
