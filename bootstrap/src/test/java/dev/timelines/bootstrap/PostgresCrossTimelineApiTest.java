package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The questions across timelines over HTTP, answered by PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresCrossTimelineApiTest extends CrossTimelineApiTest {
}
