package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** {@link TransitionStreamProperties} on the memory storage. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class MemoryTransitionStreamPropertyTest {

    @Test
    void foldOfTheStreamEqualsTheTransitionsList() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        TransitionStreamProperties properties = new TransitionStreamProperties(base, base);
        for (TransitionStreamProperties.Scenario scenario : TransitionStreamProperties.scenarios(25)) {
            properties.check(scenario);
        }
    }
}
