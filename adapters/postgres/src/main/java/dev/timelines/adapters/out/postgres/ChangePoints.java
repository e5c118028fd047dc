package dev.timelines.adapters.out.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the change points and value counts of the indexed attributes in step with the events, in the
 * transaction that stores them. An event arriving out of order can only change the change points from itself
 * on, so a request's events are handled per timeline from the earliest of them (its position): the change
 * points there and after are deleted and computed again, in SQL, from the events there and after and the change
 * point in force just before (the anchor), which is then pointed at what now follows it. Appending at the end,
 * the common case, touches only the new events. Three statements per request, however many timelines and
 * indexes it touches; each reads a timeline's rows through index ranges from its position (lateral subqueries,
 * ordered or limited), so that estimates gone wrong cannot turn a repair into a pass over a whole table. A
 * first question about an attribute builds its index with the same computation, from the start of every
 * timeline.
 */
final class ChangePoints {

    /** Where a request's events begin in a timeline, in (timestamp, seq) order, and the first seq it was given. */
    record Position(String timeline, long ts, long seq, long firstNewSeq) {
    }

    /**
     * The change points from each position on, found through the primary key (the lateral subquery, which its
     * order keeps from being merged into a join) and then deleted by their full key. Written as a join of the
     * positions with the table, the statement was planned from statistics taken while the index was empty and
     * read the whole attribute's change points once per position: seconds per request once a store held a few
     * thousand timelines.
     */
    private static final Sql DELETE_FROM_POSITIONS = new Sql("""
            WITH doomed AS MATERIALIZED (
                SELECT p.timeline, p.attribute_id, p.ts, p.seq
                FROM unnest(:timelines::text[], :ts::bigint[], :seqs::bigint[]) AS a(timeline, ts, seq)
                CROSS JOIN unnest(:attributes::integer[]) AS t(id)
                CROSS JOIN LATERAL (
                    SELECT c.timeline, c.attribute_id, c.ts, c.seq FROM change_points c
                    WHERE c.timeline = a.timeline AND c.attribute_id = t.id AND (c.ts, c.seq) >= (a.ts, a.seq)
                    ORDER BY c.ts, c.seq
                ) p
            )
            DELETE FROM change_points c
            USING doomed d
            WHERE c.timeline = d.timeline AND c.attribute_id = d.attribute_id AND c.ts = d.ts AND c.seq = d.seq
            """);

    /** The positions of a repair: the timelines a request wrote to. */
    private static final String AT_POSITIONS = """
            SELECT * FROM unnest(:timelines::text[], :ts::bigint[], :seqs::bigint[], :firstNewSeqs::bigint[])
            """;

    /** The positions of a build: every timeline from its start, every event counted. */
    private static final String FROM_THE_START = "SELECT timeline, :start, :start, :start FROM timelines";

    private static final String RECOMPUTE = """
            WITH affected(timeline, ts, seq, first_new_seq) AS (
                %s
            ),
            attributes AS (
                SELECT id, path FROM indexed_attributes WHERE id = ANY(:attributes::integer[])
            ),
            -- per timeline and attribute, the change point in force just before the position (the anchor)
            anchors AS (
                SELECT a.timeline, t.id AS attribute_id, p.ts, p.seq, p.value
                FROM affected a
                CROSS JOIN attributes t
                CROSS JOIN LATERAL (
                    SELECT c.ts, c.seq, c.value FROM change_points c
                    WHERE c.timeline = a.timeline AND c.attribute_id = t.id AND (c.ts, c.seq) < (a.ts, a.seq)
                    ORDER BY c.ts DESC, c.seq DESC
                    LIMIT 1
                ) p
            ),
            -- every event from the position on that carries the attribute, with its value; the ordered
            -- subquery reads each timeline's range of the primary key, never every event (as a join might)
            carried AS (
                SELECT a.timeline, t.id AS attribute_id, e.ts, e.seq, v.value, e.seq >= a.first_new_seq AS is_new
                FROM affected a
                CROSS JOIN LATERAL (
                    SELECT ts, seq, data FROM events
                    WHERE events.timeline = a.timeline AND (events.ts, events.seq) >= (a.ts, a.seq)
                    ORDER BY ts, seq
                ) e
                CROSS JOIN attributes t
                CROSS JOIN LATERAL (SELECT attribute_value(e.data, t.path) AS value) v
                WHERE v.value IS NOT NULL
            ),
            -- the anchor and then the carried values in timeline order: a value unlike the one before is a change
            points AS (
                SELECT timeline, attribute_id, ts, seq, value, is_anchor
                FROM (
                    SELECT s.*, lag(value) OVER (PARTITION BY timeline, attribute_id ORDER BY ts, seq) AS before
                    FROM (
                        SELECT timeline, attribute_id, ts, seq, value, true AS is_anchor FROM anchors
                        UNION ALL
                        SELECT timeline, attribute_id, ts, seq, value, false FROM carried
                    ) s
                ) s
                WHERE is_anchor OR before IS NULL OR value <> before
            ),
            linked AS (
                SELECT *, lag(value) OVER w AS prev_value, lag(ts) OVER w AS prev_ts,
                          lead(value) OVER w AS next_value, lead(ts) OVER w AS next_ts
                FROM points
                WINDOW w AS (PARTITION BY timeline, attribute_id ORDER BY ts, seq)
            ),
            recomputed AS (
                INSERT INTO change_points (timeline, attribute_id, ts, seq, value, value_hash,
                                           prev_value, prev_hash, prev_ts, next_value, next_ts)
                SELECT timeline, attribute_id, ts, seq, value, jsonb_hash_extended(value, 0),
                       prev_value, jsonb_hash_extended(prev_value, 0), prev_ts, next_value, next_ts
                FROM linked
                WHERE NOT is_anchor
            ),
            -- the new events per timeline, attribute and value; a value new to the timeline keeps its first spelling
            counted AS (
                SELECT timeline, attribute_id, (array_agg(value ORDER BY seq))[1] AS value, count(*) AS events,
                       min(seq) AS first_seq
                FROM carried
                WHERE is_new
                GROUP BY timeline, attribute_id, value
            ),
            -- the count each already has, found by one index probe per value
            known AS (
                SELECT c.*, v.first_seq AS known_first_seq
                FROM counted c
                LEFT JOIN LATERAL (
                    SELECT first_seq FROM attribute_values v
                    WHERE v.timeline = c.timeline AND v.attribute_id = c.attribute_id
                      AND v.value_hash = jsonb_hash_extended(c.value, 0) AND v.value = c.value
                    LIMIT 1
                ) v ON true
            ),
            recounted AS (
                UPDATE attribute_values v SET events = v.events + k.events
                FROM known k
                WHERE v.timeline = k.timeline AND v.attribute_id = k.attribute_id AND v.first_seq = k.known_first_seq
            )
            INSERT INTO attribute_values (timeline, attribute_id, first_seq, value, value_hash, events)
            SELECT timeline, attribute_id, first_seq, value, jsonb_hash_extended(value, 0), events
            FROM known
            WHERE known_first_seq IS NULL
            """;

    /**
     * Points the change point in force before each position (the anchor, which keeps its own predecessor) at
     * the first change point from the position on, now that those were computed again. The anchors and what
     * follows them are found by primary key probes first, then updated by their full key, for the reason given
     * at {@link #DELETE_FROM_POSITIONS}.
     */
    private static final Sql RELINK = new Sql("""
            WITH relinked AS MATERIALIZED (
                SELECT anchor.timeline, anchor.attribute_id, anchor.ts, anchor.seq,
                       following.ts AS next_ts, following.value AS next_value
                FROM unnest(:timelines::text[], :ts::bigint[], :seqs::bigint[]) AS a(timeline, ts, seq)
                CROSS JOIN unnest(:attributes::integer[]) AS t(id)
                CROSS JOIN LATERAL (
                    SELECT p.timeline, p.attribute_id, p.ts, p.seq FROM change_points p
                    WHERE p.timeline = a.timeline AND p.attribute_id = t.id AND (p.ts, p.seq) < (a.ts, a.seq)
                    ORDER BY p.ts DESC, p.seq DESC
                    LIMIT 1
                ) anchor
                LEFT JOIN LATERAL (
                    SELECT n.ts, n.value FROM change_points n
                    WHERE n.timeline = a.timeline AND n.attribute_id = t.id AND (n.ts, n.seq) >= (a.ts, a.seq)
                    ORDER BY n.ts, n.seq
                    LIMIT 1
                ) following ON true
            )
            UPDATE change_points c SET next_value = r.next_value, next_ts = r.next_ts
            FROM relinked r
            WHERE c.timeline = r.timeline AND c.attribute_id = r.attribute_id AND c.ts = r.ts AND c.seq = r.seq
              AND (c.next_ts, c.next_value) IS DISTINCT FROM (r.next_ts, r.next_value)
            """);

    private static final Sql REPAIR = new Sql(RECOMPUTE.formatted(AT_POSITIONS));
    private static final Sql BUILD = new Sql(RECOMPUTE.formatted(FROM_THE_START));
    /**
     * A repair reads and writes a few rows per position, each found through a primary key. Planned from table
     * statistics (stale after a bulk load, and blind to how few rows a row comparison keeps) it can look like
     * a large join, which a hash join would answer by reading a whole table: 100 ms instead of 2 for one event
     * in a store of 200,000. So the repair's statements are planned for their actual arguments and use index
     * lookups; the settings end with the transaction.
     */
    private static final Sql INDEX_LOOKUPS = new Sql("""
            SELECT set_config('plan_cache_mode', 'force_custom_plan', true),
                   set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)
            """);
    private static final Sql ANALYZE = new Sql("ANALYZE change_points, attribute_values");
    private static final Sql DROP_POINTS = new Sql("DELETE FROM change_points WHERE attribute_id = :attribute");
    private static final Sql DROP_VALUES = new Sql("DELETE FROM attribute_values WHERE attribute_id = :attribute");

    private ChangePoints() {
    }

    /** Brings the indexed attributes up to date after the events at the positions were inserted. */
    static void repair(Connection connection, List<Integer> attributes, List<Position> positions) throws SQLException {
        if (attributes.isEmpty() || positions.isEmpty()) {
            return;
        }
        Sql.Params params = Sql.with("attributes", attributes.toArray(Integer[]::new))
                .with("timelines", positions.stream().map(Position::timeline).toArray(String[]::new))
                .with("ts", positions.stream().map(Position::ts).toArray(Long[]::new))
                .with("seqs", positions.stream().map(Position::seq).toArray(Long[]::new))
                .with("firstNewSeqs", positions.stream().map(Position::firstNewSeq).toArray(Long[]::new));
        INDEX_LOOKUPS.list(connection, new Sql.Params(), result -> null);
        DELETE_FROM_POSITIONS.update(connection, params);
        REPAIR.update(connection, params);
        RELINK.update(connection, params);
    }

    /**
     * Indexes a newly registered attribute over every stored event, then refreshes the planner's statistics of
     * the tables it filled, so that questions are not planned as if the index were still empty.
     */
    static void build(Connection connection, int attribute) throws SQLException {
        BUILD.update(connection, Sql.with("attributes", new Integer[] {attribute}).with("start", Long.MIN_VALUE));
        ANALYZE.update(connection, new Sql.Params());
    }

    /** Forgets an attribute's index. */
    static void drop(Connection connection, int attribute) throws SQLException {
        Sql.Params params = Sql.with("attribute", attribute);
        DROP_POINTS.update(connection, params);
        DROP_VALUES.update(connection, params);
    }
}
