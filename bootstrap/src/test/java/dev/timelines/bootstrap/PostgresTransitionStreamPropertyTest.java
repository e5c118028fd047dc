package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link TransitionStreamProperties} on PostgreSQL storage, one instance (two: {@link PostgresStreamInstancesIT}). */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresTransitionStreamPropertyTest extends TransitionStreamPropertyTest {
}
