package dev.timelines.bench.engines;

/**
 * The SQL both DuckDB engines run. {@link #TRANSITIONS} derives SPEC section 2 from the raw events; the on-the-fly
 * engine keeps it as a view (every question recomputes it), the precomputed engine materialises it once after
 * the load. The questions read the same relation either way, so both engines answer with the same statements.
 */
final class DuckDbSql {

    /**
     * The raw events with an explicit arrival {@code seq}: {@code row_number() OVER ()} over a single-table scan
     * keeps the file's row order (DuckDB's documented order preservation), so seq is the line number.
     * Timestamps are read as exact decimals and kept as epoch microseconds.
     */
    static String loadEvents(String file) {
        return """
                CREATE TABLE events AS
                SELECT row_number() OVER () AS seq, timeline,
                       CAST(CAST("timestamp" AS DECIMAL(38, 6)) * 1000000 AS BIGINT) AS ts, data
                FROM read_json('%s', format = 'newline_delimited',
                               columns = {timeline: 'VARCHAR', "timestamp": 'DECIMAL(18,6)', data: 'JSON'})
                """.formatted(file.replace("'", "''"));
    }

    /**
     * One row per change point of {@code status}, with what precedes it (the transition ending here, or an entry
     * when it is the timeline's first) and the change point after it.
     * <ul>
     * <li>present: the events that have the attribute (the key is present), in (timestamp, seq) order;</li>
     * <li>change_points: minus those whose value equals the previous present value;</li>
     * <li>transitions: {@code from_value -> value} at {@code changed_at}, {@code duration} = seconds spent in
     * {@code from_value} (microseconds here); the first change point is an entry, with no from_value;
     * {@code next_at} is when the value was left (NULL: it still holds).</li>
     * </ul>
     * Values are compared as text, which is JSON equality for the string statuses the generator writes.
     */
    static final String TRANSITIONS = """
            WITH present AS (
                SELECT timeline, ts, seq, data->>'status' AS value
                FROM events
                WHERE json_exists(data, '$.status')
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
            """;

    /** Sorted by time so that the windows of the questions skip whole row groups; indexed by key for one timeline. */
    static final String[] PRECOMPUTE = {
        "CREATE TABLE transitions AS " + TRANSITIONS + " ORDER BY changed_at",
        "CREATE INDEX transitions_by_timeline ON transitions (timeline)"
    };

    static final String VIEW = "CREATE VIEW transitions AS " + TRANSITIONS;

    /** Parameters: key. */
    static final String CHANGES =
            "SELECT changed_at, value FROM transitions WHERE timeline = ? ORDER BY changed_at, seq";

    /** Parameters: from, to, since, until. */
    static final String TRANSITIONS_BETWEEN = """
            SELECT changed_at, timeline, from_value, value, duration
            FROM transitions
            WHERE NOT entry AND from_value = ? AND value = ? AND changed_at >= ? AND changed_at < ?
            ORDER BY changed_at, timeline, seq
            """;

    /**
     * Parameters: value, since, until. Entries into the value in the window (first change points included), grouped
     * by the value that followed, however late; NULL groups the entries still in the value. quantile_disc is the
     * nearest-rank percentile of SPEC's duration statistics (checked equal over 1..300 durations).
     */
    static final String NEXT = """
            SELECT next_value, count(*), quantile_disc(next_at - changed_at, 0.5)
            FROM transitions
            WHERE value = ? AND changed_at >= ? AND changed_at < ?
            GROUP BY next_value
            """;

    /** Parameters: since, until. Pairs, and entries (from_value NULL) with their count. */
    static final String PROCESS_MAP = """
            SELECT entry, from_value, value, count(*), quantile_disc(duration, 0.5)
            FROM transitions
            WHERE changed_at >= ? AND changed_at < ?
            GROUP BY entry, from_value, value
            """;

    /**
     * Parameters: at, at. The state at T is the last change point at or before T (ties: highest seq), which is
     * the one change point whose value was not yet left at T; points left at the same instant hold for no time.
     */
    static final String STATES_AT = """
            SELECT value, count(*)
            FROM transitions
            WHERE changed_at <= ? AND (next_at IS NULL OR next_at > ?)
            GROUP BY value
            """;

    /** Parameters: value, at, at. */
    static final String IN_STATE_AT = """
            SELECT timeline
            FROM transitions
            WHERE value = ? AND changed_at <= ? AND (next_at IS NULL OR next_at > ?)
            ORDER BY timeline
            """;

    /**
     * Parameters: since, now, until, until, since. Each state interval [changed_at, next_at) clipped to the
     * window; the last one, still open, ends at until or now, whichever is earlier. Only positive time counts.
     */
    static final String TIME_IN_STATE = """
            SELECT value, CAST(sum(upper - lower) AS BIGINT), count(DISTINCT timeline)
            FROM (
                SELECT timeline, value, greatest(changed_at, ?) AS lower, least(coalesce(next_at, ?), ?) AS upper
                FROM transitions
                WHERE changed_at < ? AND (next_at IS NULL OR next_at > ?)
            )
            WHERE upper > lower
            GROUP BY value
            """;

    private DuckDbSql() {
    }
}
