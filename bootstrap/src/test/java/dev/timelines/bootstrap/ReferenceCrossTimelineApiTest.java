package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The questions across timelines over HTTP, answered from the reference storage's scans alone. */
@QuarkusTest
@TestProfile(ReferenceStorageProfile.class)
class ReferenceCrossTimelineApiTest extends CrossTimelineApiTest {
}
