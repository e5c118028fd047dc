package dev.timelines.adapters.out.postgres;

import dev.timelines.domain.DurationStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The duration object of the answers, computed in SQL exactly as {@link DurationStatistics} defines it:
 * nearest-rank percentiles picked by integer rank (percentile_disc would compute the rank in floating point,
 * and 0.29 * 100 is 28.999...), and the mean rounded half up by integer division of the exact sum.
 */
final class DurationSql {

    /** Aggregates over a column named {@code duration}. */
    static final String AGGREGATES = """
            count(*) AS n, array_agg(duration ORDER BY duration) AS sorted,
            div(2 * sum(duration) + count(*), 2 * count(*)) AS mean""";

    /** The figures, from a query that selected {@link #AGGREGATES}. */
    static final String FIGURES = """
            n, sorted[1] AS min, sorted[(50 * n + 99) / 100] AS p50, sorted[(90 * n + 99) / 100] AS p90,
            sorted[(99 * n + 99) / 100] AS p99, sorted[n] AS max, mean""";

    private DurationSql() {
    }

    static DurationStatistics read(ResultSet result) throws SQLException {
        return new DurationStatistics(result.getLong("n"), result.getLong("min"), result.getLong("p50"),
                result.getLong("p90"), result.getLong("p99"), result.getLong("max"), result.getLong("mean"));
    }
}
