package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Stuck timelines, ages, conditions, funnels and "as known at" over HTTP, on the reference storage (scans only). */
@QuarkusTest
@TestProfile(ReferenceStorageProfile.class)
class ReferenceStuckWhereFunnelsAsOfApiTest extends StuckWhereFunnelsAsOfApiTest {
}
