package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.StaySelection;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scan every question can be folded from: the change points of one attribute, each row already a stay with
 * its neighbours, selected in SQL as the selection says, read in timeline order a batch at a time and handed over
 * one timeline at a time. Values are shown as first written, as the answers from SQL show them.
 */
final class ChangePointScan {

    private static final SelectionSql STAYS = new SelectionSql("""
            SELECT timeline, ts, seq, %s AS value, %s AS prev_value, prev_ts, %s AS next_value, next_ts
            FROM change_points
            WHERE %%s
            ORDER BY timeline, ts, seq
            """.formatted(ValueSql.firstWritten("value"), ValueSql.firstWritten("prev_value"),
            ValueSql.firstWritten("next_value")));

    private ChangePointScan() {
    }

    static void stays(Connection connection, int attribute, StaySelection selection, Consumer<List<Stay>> timeline)
            throws SQLException {
        ByTimeline grouped = new ByTimeline(timeline);
        STAYS.of(selection).forEach(connection, SelectionSql.params(attribute, selection),
                result -> grouped.add(stay(result)));
        grouped.handOver();
    }

    private static Stay stay(ResultSet result) throws SQLException {
        return new Stay(new TimelineKey(result.getString("timeline")), JsonText.read(result.getString("value")),
                new Timestamp(result.getLong("ts")), result.getLong("seq"),
                neighbour(result, "prev_value", "prev_ts"), neighbour(result, "next_value", "next_ts"));
    }

    /** The stay before or after, from its value and start; an entry has none before, a stay still held none after. */
    private static Optional<Stay.Neighbour> neighbour(ResultSet result, String value, String since)
            throws SQLException {
        String text = result.getString(value);
        return text == null
                ? Optional.empty()
                : Optional.of(new Stay.Neighbour(JsonText.read(text), new Timestamp(result.getLong(since))));
    }

    /** Collects the stays of a timeline until the next timeline's come, then hands them over. */
    private static final class ByTimeline {
        private final Consumer<List<Stay>> timeline;
        private List<Stay> stays = new ArrayList<>();

        ByTimeline(Consumer<List<Stay>> timeline) {
            this.timeline = timeline;
        }

        void add(Stay stay) {
            if (!stays.isEmpty() && !stays.get(0).timeline().equals(stay.timeline())) {
                handOver();
            }
            stays.add(stay);
        }

        void handOver() {
            if (!stays.isEmpty()) {
                timeline.accept(stays);
                stays = new ArrayList<>();
            }
        }
    }
}
