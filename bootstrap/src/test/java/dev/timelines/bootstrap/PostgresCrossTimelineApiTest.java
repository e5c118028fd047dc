package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The questions across timelines over HTTP, answered by PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresCrossTimelineApiTest extends CrossTimelineApiTest {

    /**
     * Not a test here: PostgreSQL keeps an index for an attribute however many values it has
     * ({@code timelines.index.max-values} bounds the memory engine's heap only).
     */
    @Override
    void anAttributeWithMoreValuesThanAnIndexKeepsIsRefusedByName() {
    }
}
