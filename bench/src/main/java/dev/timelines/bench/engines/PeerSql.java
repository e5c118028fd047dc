package dev.timelines.bench.engines;

import dev.timelines.bench.questions.Parameters;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL the peers run, in DuckDB's or PostgreSQL's dialect. {@link #transitions} derives docs/semantics.md from the
 * raw events; an on-the-fly engine keeps it as a view (every question recomputes it), a precomputed engine
 * materialises it once after the load. The questions read the same relation either way, so all four peers ask
 * the same statements, which differ between the dialects only in two spellings. The same goes for {@link #marks},
 * the events carrying the attribute of the {@code where} condition.
 */
final class PeerSql {

    /** The attribute of the {@code where} condition, whose marks the peers derive. */
    static final String CONDITION = Parameters.CONDITION_ATTRIBUTE;

    /** What differs between the two databases: how to test a JSON key's presence, and nearest-rank percentiles. */
    enum Dialect {
        DUCKDB("json_exists(data, '$.%s')", "quantile_disc(%2$s, %1$s)", List.of(
                "CREATE INDEX transitions_by_timeline ON transitions (timeline)")),
        /**
         * jsonb_exists is the function behind the {@code ?} operator, which JDBC would take for a parameter.
         * Indexed for each question's filter; ANALYZE gives the planner the table's statistics at once.
         */
        POSTGRESQL("jsonb_exists(data, '%s')", "percentile_disc(%s) WITHIN GROUP (ORDER BY %s)", List.of(
                "CREATE INDEX transitions_by_time ON transitions (changed_at)",
                "CREATE INDEX transitions_by_timeline ON transitions (timeline, changed_at, seq)",
                "CREATE INDEX transitions_by_value ON transitions (value, changed_at)",
                "CREATE INDEX marks_by_timeline ON marks (timeline, ts, seq)",
                "ANALYZE transitions",
                "ANALYZE marks"));

        private final String hasKey;
        private final String percentile;
        private final List<String> indexes;

        Dialect(String hasKey, String percentile, List<String> indexes) {
            this.hasKey = hasKey;
            this.percentile = percentile;
            this.indexes = indexes;
        }

        /** Whether {@code data} has the top-level key (a plain name, as the generator writes). */
        String has(String key) {
            return hasKey.formatted(key);
        }

        /** The nearest-rank percentile, {@code percent} of 100 (both dialects' discrete percentile is that one). */
        String percentile(int percent, String expression) {
            return percentile.formatted("0." + (percent < 10 ? "0" : "") + percent, expression);
        }

        String median(String expression) {
            return percentile(50, expression);
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
                """.formatted(dialect.has(Parameters.ATTRIBUTE));
    }

    /**
     * The events carrying the condition's attribute, with its value as text: where a stay of it begins or is
     * repeated. Which of them holds at a point is decided by the question, by (timestamp, seq).
     */
    String marks() {
        return """
                SELECT timeline, ts, seq, data->>'%1$s' AS mark
                FROM events
                WHERE %2$s
                """.formatted(CONDITION, dialect.has(CONDITION));
    }

    /** The on-the-fly engines' relations: every question derives the transitions (and marks) anew. */
    List<String> views() {
        return List.of("CREATE VIEW transitions AS " + transitions(), "CREATE VIEW marks AS " + marks());
    }

    /**
     * The transitions sorted by time, so that the windows of the questions read few blocks, and the marks by
     * timeline, then indexed in the dialect's way.
     */
    List<String> precompute() {
        return Stream.concat(Stream.of("CREATE TABLE transitions AS " + transitions() + " ORDER BY changed_at",
                "CREATE TABLE marks AS " + marks() + " ORDER BY timeline, ts, seq"), dialect.indexes.stream())
                .toList();
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

    /**
     * Parameters: at, value, at, at, at, longer than. The stays holding at T (as {@link #statesAt}) in the value
     * since strictly longer than the given time; since is the change point that began the stay, so a repeated
     * value does not move it. By since, then key (code point order).
     */
    String stuck() {
        return """
                SELECT timeline, changed_at, ? - changed_at
                FROM transitions
                WHERE value = ? AND changed_at <= ? AND (next_at IS NULL OR next_at > ?) AND ? - changed_at > ?
                ORDER BY changed_at, timeline
                """;
    }

    /** Parameters: at, at, at. Per value held at T, how many hold it and the statistics of how long, nearest-rank. */
    String ages() {
        return """
                SELECT value, count(*), min(age), %s, %s, %s, max(age)
                FROM (
                    SELECT value, ? - changed_at AS age
                    FROM transitions
                    WHERE changed_at <= ? AND (next_at IS NULL OR next_at > ?)
                ) AS held
                GROUP BY value
                """.formatted(dialect.percentile(50, "age"), dialect.percentile(90, "age"),
                dialect.percentile(99, "age"));
    }

    /**
     * Parameters: value, since, until, condition. {@link #next}, of the entries where the condition's attribute
     * held the value at the entry's own change point: the last mark at or before (timestamp, seq) in timeline
     * order, the entry's own event included. Entries and marks of the same timelines go in one sequence by
     * (timestamp, seq), a mark before an entry of the same event; every mark starts a run, and an entry takes the
     * mark of its run (none before the first mark: the condition does not hold).
     */
    String nextWhere() {
        return """
                WITH entries AS (
                    SELECT timeline, changed_at AS ts, seq, next_value, next_at
                    FROM transitions
                    WHERE value = ? AND changed_at >= ? AND changed_at < ?
                ), points AS (
                    SELECT timeline, ts, seq, 1 AS kind, CAST(NULL AS VARCHAR) AS mark, next_value, next_at
                    FROM entries
                    UNION ALL
                    SELECT timeline, ts, seq, 0, mark, CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT)
                    FROM marks
                    WHERE timeline IN (SELECT timeline FROM entries)
                ), runs AS (
                    SELECT *, sum(1 - kind) OVER (PARTITION BY timeline ORDER BY ts, seq, kind
                                                  ROWS UNBOUNDED PRECEDING) AS run
                    FROM points
                ), held AS (
                    SELECT *, max(mark) OVER (PARTITION BY timeline, run) AS held
                    FROM runs
                )
                SELECT next_value, count(*), %s
                FROM held
                WHERE kind = 1 AND held = ?
                GROUP BY next_value
                """.formatted(dialect.median("next_at - ts"));
    }

    /**
     * Parameters: first, second, third step, since, until, second, third, within, within, first. A funnel of
     * three different values. Entries into the steps in the window, numbered per timeline by (timestamp, seq);
     * from each entry into the first step, the earliest later entry into the second, and from that one the
     * earliest later entry into the third, each counting only within the time of the first (a later entry would
     * be later still). A timeline's chain is its longest, then the one with the earliest first step. One row:
     * the timelines of each step, with the median time from the step before.
     */
    String funnel() {
        return """
                WITH steps AS (
                    SELECT timeline, changed_at, value,
                           row_number() OVER (PARTITION BY timeline ORDER BY changed_at, seq) AS position
                    FROM transitions
                    WHERE value IN (?, ?, ?) AND changed_at >= ? AND changed_at < ?
                ), following AS (
                    SELECT *, min(CASE WHEN value = ? THEN position END) OVER later AS second_at,
                              min(CASE WHEN value = ? THEN position END) OVER later AS third_at
                    FROM steps
                    WINDOW later AS (PARTITION BY timeline ORDER BY position
                                     ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                ), chains AS (
                    SELECT e1.timeline, e1.position, e1.changed_at AS t1, e2.changed_at AS t2, e3.changed_at AS t3,
                           CASE WHEN e3.timeline IS NOT NULL THEN 3 WHEN e2.timeline IS NOT NULL THEN 2 ELSE 1 END
                               AS level
                    FROM following AS e1
                    LEFT JOIN following AS e2 ON e2.timeline = e1.timeline AND e2.position = e1.second_at
                        AND e2.changed_at - e1.changed_at <= ?
                    LEFT JOIN following AS e3 ON e3.timeline = e1.timeline AND e3.position = e2.third_at
                        AND e3.changed_at - e1.changed_at <= ?
                    WHERE e1.value = ?
                ), best AS (
                    SELECT *, row_number() OVER (PARTITION BY timeline ORDER BY level DESC, position) AS choice
                    FROM chains
                )
                SELECT count(*),
                       count(CASE WHEN level >= 2 THEN 1 END), %s,
                       count(CASE WHEN level >= 3 THEN 1 END), %s
                FROM best
                WHERE choice = 1
                """.formatted(dialect.median("CASE WHEN level >= 2 THEN t2 - t1 END"),
                dialect.median("CASE WHEN level >= 3 THEN t3 - t2 END"));
    }

    /**
     * Parameters: rows, at. The state counts at T as known once the first {@code rows} events had arrived. The
     * state at T is the value of the last change point at or before T, which is the value of the last event
     * carrying the attribute at or before T (ties: highest seq): a repeat carries the value of the change point
     * before it. So this one reads the events, the rows known then, and needs no transitions.
     */
    String statesAsOf() {
        return """
                SELECT value, count(*)
                FROM (
                    SELECT data->>'%1$s' AS value,
                           row_number() OVER (PARTITION BY timeline ORDER BY ts DESC, seq DESC) AS latest
                    FROM events
                    WHERE %2$s AND seq <= ? AND ts <= ?
                ) AS known
                WHERE latest = 1
                GROUP BY value
                """.formatted(Parameters.ATTRIBUTE, dialect.has(Parameters.ATTRIBUTE));
    }
}
