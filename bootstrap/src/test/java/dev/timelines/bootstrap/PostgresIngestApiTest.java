package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Ingest over HTTP, stored in PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresIngestApiTest extends IngestApiTest {
}
