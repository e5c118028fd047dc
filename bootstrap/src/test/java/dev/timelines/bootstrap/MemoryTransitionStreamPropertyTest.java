package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link TransitionStreamProperties} on the memory storage. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class MemoryTransitionStreamPropertyTest extends TransitionStreamPropertyTest {
}
