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

/** Both dialects' median is the nearest-rank p50, the one the domain computes, for odd and even counts. */
class PeerSqlTest {

    @Test
    void duckDbMedianIsTheNearestRankOne() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            assertMediansMatchTheDomain(connection, PeerSql.Dialect.DUCKDB);
        }
    }

    @Test
    void postgresMedianIsTheNearestRankOne() throws SQLException {
        DataSource database = PostgresServer.start().newDatabase();
        try (Connection connection = database.getConnection()) {
            assertMediansMatchTheDomain(connection, PeerSql.Dialect.POSTGRESQL);
        } finally {
            PostgresServer.discard(database);
        }
    }

    private static void assertMediansMatchTheDomain(Connection connection, PeerSql.Dialect dialect)
            throws SQLException {
        Random random = new Random(7);
        for (int count = 1; count <= 120; count++) {
            long[] durations = LongStream.generate(() -> random.nextInt(1_000)).limit(count).toArray();
            String rows = LongStream.of(durations).mapToObj(duration -> "(" + duration + ")")
                    .collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement();
                    ResultSet median = statement.executeQuery("SELECT " + dialect.median("d")
                            + " FROM (VALUES " + rows + ") AS durations(d)")) {
                median.next();
                assertEquals(DurationStatistics.of(durations.clone(), count).p50(), median.getLong(1),
                        count + " durations");
            }
        }
    }
}
