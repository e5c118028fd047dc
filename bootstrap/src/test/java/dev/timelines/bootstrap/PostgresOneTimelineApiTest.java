package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The questions about one timeline over HTTP, read back from PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresOneTimelineApiTest extends OneTimelineApiTest {
}
