package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** {@link TransitionStreamProperties} on the default storage of the tests, the journal (fsync before each reply). */
@QuarkusTest
class TransitionStreamPropertyTest {

    @Test
    void foldOfTheStreamEqualsTheTransitionsList() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        TransitionStreamProperties properties = new TransitionStreamProperties(base, base);
        for (TransitionStreamProperties.Scenario scenario : TransitionStreamProperties.scenarios(25)) {
            properties.check(scenario);
        }
    }
}
