package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The questions asked before readiness (docs/operations.md, Start) go through the real HTTP listener and are each
 * answered as a client's would be: a path the API refused (400) or failed on would warm nothing of the question.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class QuestionWarmUpTest {

    @Test
    void asksEveryKindOfQuestionAboutEachIndexedAttributeAndEachIsAnswered() {
        String key = uniqueKey("warm/up");
        String attribute = "warmUp" + key.hashCode();
        Api.store(key, "{\"timestamp\": 10, \"data\": {\"" + attribute + "\": \"paid\"}}\n"
                + "{\"timestamp\": 20, \"data\": {\"" + attribute + "\": \"shipped\"}}\n");
        // The first question builds the attribute's index, as a start does for those indexed before it.
        Api.get("/states?attribute=" + attribute).statusCode(200);

        Storage storage = Arc.container().instance(StorageOpening.class).get().current().orElseThrow();
        List<QuestionWarmUp.Asked> asked = Arc.container().instance(QuestionWarmUp.class).get().warmUp(storage);

        assertEquals(15, asked.stream().filter(question -> question.path().contains("attribute=" + attribute)).count(),
                "questions about the attribute, a timeline's included: " + asked);
        // A timeline's state at epoch 0 is that it had none yet: 404, after the whole question was asked.
        asked.forEach(question -> assertEquals(question.path().contains("/state?") ? 404 : 200, question.status(),
                question.path()));
    }
}
