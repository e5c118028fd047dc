package dev.timelines.bench.engines;

import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL the peers run, in DuckDB's or PostgreSQL's dialect. {@link #transitions} derives docs/semantics.md from the
 * raw events; an on-the-fly engine keeps it as a view (every question recomputes it), a precomputed engine
 * materialises it once after the load. The questions read the same relation either way, so all four peers ask
 * the same statements, which differ between the dialects only in two spellings.
 */
final class PeerSql {

    /** What differs between the two databases: how to test a JSON key's presence, and the nearest-rank median. */
    enum Dialect {
        DUCKDB("json_exists(data, '$.status')", "quantile_disc(%s, 0.5)", List.of(
                "CREATE INDEX transitions_by_timeline ON transitions (timeline)")),
        /**
         * jsonb_exists is the function behind the {@code ?} operator, which JDBC would take for a parameter.
         * Indexed for each question's filter; ANALYZE gives the planner the table's statistics at once.
         */
        POSTGRESQL("jsonb_exists(data, 'status')", "percentile_disc(0.5) WITHIN GROUP (ORDER BY %s)", List.of(
                "CREATE INDEX transitions_by_time ON transitions (changed_at)",
                "CREATE INDEX transitions_by_timeline ON transitions (timeline, changed_at, seq)",
                "CREATE INDEX transitions_by_value ON transitions (value, changed_at)",
                "ANALYZE transitions"));

        private final String hasStatus;
        private final String median;
        private final List<String> indexes;

        Dialect(String hasStatus, String median, List<String> indexes) {
            this.hasStatus = hasStatus;
            this.median = median;
            this.indexes = indexes;
        }

        String median(String expression) {
            return median.formatted(expression);
        }
    }

    private final Dialect dialect;

    PeerSql(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * One row per change point of {@code status}, with what precedes it (the transition ending here, or an entry
     * when it is the timeline's first) and the change point after it, from {@code events(seq, timeline, ts, data)}
     * where seq is the arrival order and ts epoch microseconds.
     * <ul>
     * <li>present: the events that have the attribute (the key is present), in (timestamp, seq) order;</li>
     * <li>change_points: minus those whose value equals the previous present value;</li>
     * <li>transitions: {@code from_value -> value} at {@code changed_at}, {@code duration} = seconds spent in
     * {@code from_value} (microseconds here); the first change point is an entry, with no from_value;
     * {@code next_at} is when the value was left (NULL: it still holds).</li>
     * </ul>
     * Values are compared as text, which is JSON equality for the string statuses the generator writes.
     */
    String transitions() {
        return """
                WITH present AS (
                    SELECT timeline, ts, seq, data->>'status' AS value
                    FROM events
                    WHERE %s
                ), compared AS (
                    SELECT *, lag(value) OVER w AS previous, row_number() OVER w AS position
                    FROM present
                    WINDOW w AS (PARTITION BY timeline ORDER BY ts, seq)
                ), change_points AS (
                    SELECT timeline, ts, seq, value
                    FROM compared
                    WHERE position = 1 OR value IS DISTINCT FROM previous
                )
                SELECT timeline, ts AS changed_at, seq, value,
                       lag(ts) OVER w IS NULL AS entry,
                       lag(value) OVER w AS from_value,
                       ts - lag(ts) OVER w AS duration,
                       lead(value) OVER w AS next_value,
                       lead(ts) OVER w AS next_at
                FROM change_points
                WINDOW w AS (PARTITION BY timeline ORDER BY ts, seq)
                """.formatted(dialect.hasStatus);
    }

    /** The on-the-fly engines' relation: every question derives the transitions anew. */
    String view() {
        return "CREATE VIEW transitions AS " + transitions();
    }

    /** Sorted by time, so that the windows of the questions read few blocks, then indexed in the dialect's way. */
    List<String> precompute() {
        return Stream.concat(Stream.of("CREATE TABLE transitions AS " + transitions() + " ORDER BY changed_at"),
                dialect.indexes.stream()).toList();
    }

    /** Parameters: key. */
    String changes() {
        return "SELECT changed_at, value FROM transitions WHERE timeline = ? ORDER BY changed_at, seq";
    }

    /** Parameters: from, to, since, until. */
    String transitionsBetween() {
        return """
                SELECT changed_at, timeline, from_value, value, duration
                FROM transitions
                WHERE NOT entry AND from_value = ? AND value = ? AND changed_at >= ? AND changed_at < ?
                ORDER BY changed_at, timeline, seq
                """;
    }

    /**
     * Parameters: value, since, until. Entries into the value in the window (first change points included), grouped
     * by the value that followed, however late; NULL groups the entries still in the value. Both dialects' discrete
     * percentile is the nearest-rank one of the duration statistics of docs/semantics.md (PeerSqlTest checks it).
     */
    String next() {
        return """
                SELECT next_value, count(*), %s
                FROM transitions
                WHERE value = ? AND changed_at >= ? AND changed_at < ?
                GROUP BY next_value
                """.formatted(dialect.median("next_at - changed_at"));
    }

    /** Parameters: since, until. Pairs, and entries (from_value NULL) with their count. */
    String processMap() {
        return """
                SELECT entry, from_value, value, count(*), %s
                FROM transitions
                WHERE changed_at >= ? AND changed_at < ?
                GROUP BY entry, from_value, value
                """.formatted(dialect.median("duration"));
    }

    /**
     * Parameters: at, at. The state at T is the last change point at or before T (ties: highest seq), which is
     * the one change point whose value was not yet left at T; points left at the same instant hold for no time.
     */
    String statesAt() {
        return """
                SELECT value, count(*)
                FROM transitions
                WHERE changed_at <= ? AND (next_at IS NULL OR next_at > ?)
                GROUP BY value
                """;
    }

    /** Parameters: value, at, at. */
    String inStateAt() {
        return """
                SELECT timeline
                FROM transitions
                WHERE value = ? AND changed_at <= ? AND (next_at IS NULL OR next_at > ?)
                ORDER BY timeline
                """;
    }

    /**
     * Parameters: since, now, until, until, since. Each state interval [changed_at, next_at) clipped to the
     * window; the last one, still open, ends at until or now, whichever is earlier. Only positive time counts.
     */
    String timeInState() {
        return """
                SELECT value, CAST(sum(upper - lower) AS BIGINT), count(DISTINCT timeline)
                FROM (
                    SELECT timeline, value, greatest(changed_at, ?) AS lower, least(coalesce(next_at, ?), ?) AS upper
                    FROM transitions
                    WHERE changed_at < ? AND (next_at IS NULL OR next_at > ?)
                ) AS clipped
                WHERE upper > lower
                GROUP BY value
                """;
    }
}
