package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The seed example over HTTP, stored in PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresSeedExampleTest extends SeedExampleTest {
}
