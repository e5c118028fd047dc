package dev.timelines.bench.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.DurationStatistics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Both dialects' percentiles are the nearest-rank p50, p90 and p99 the domain computes, for odd and even counts.
 */
class PeerSqlTest {

    @Test
    void duckDbPercentilesAreTheNearestRankOnes() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            assertPercentilesMatchTheDomain(connection, PeerSql.Dialect.DUCKDB);
        }
    }

    @Test
    void postgresPercentilesAreTheNearestRankOnes() throws SQLException {
        DataSource database = PostgresServer.start().newDatabase();
        try (Connection connection = database.getConnection()) {
            assertPercentilesMatchTheDomain(connection, PeerSql.Dialect.POSTGRESQL);
        } finally {
            PostgresServer.discard(database);
        }
    }

    private static void assertPercentilesMatchTheDomain(Connection connection, PeerSql.Dialect dialect)
            throws SQLException {
        Random random = new Random(7);
        for (int count = 1; count <= 120; count++) {
            long[] durations = LongStream.generate(() -> random.nextInt(1_000)).limit(count).toArray();
            String rows = LongStream.of(durations).mapToObj(duration -> "(" + duration + ")")
                    .collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement();
                    ResultSet percentiles = statement.executeQuery("SELECT " + dialect.median("d") + ", "
                            + dialect.percentile(90, "d") + ", " + dialect.percentile(99, "d")
                            + " FROM (VALUES " + rows + ") AS durations(d)")) {
                percentiles.next();
                DurationStatistics domain = DurationStatistics.of(durations.clone(), count);
                assertEquals(domain.p50(), percentiles.getLong(1), "p50 of " + count + " durations");
                assertEquals(domain.p90(), percentiles.getLong(2), "p90 of " + count + " durations");
                assertEquals(domain.p99(), percentiles.getLong(3), "p99 of " + count + " durations");
            }
        }
    }
}
