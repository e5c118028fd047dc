package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The memory engine's bound on an index ({@code timelines.index.max-values}) over HTTP. The other storages keep
 * no such bound: PostgreSQL indexes in the database, and the reference storage keeps no index at all.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class IndexLimitApiTest {

    @Test
    void anAttributeWithMoreValuesThanAnIndexKeepsIsRefusedByName() {
        String key = uniqueKey("diverse");
        String name = "n" + Long.toString(System.nanoTime(), 36);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= 100_000; i++) {
            lines.append("{\"timestamp\":").append(i).append(",\"data\":{\"").append(name).append("\":").append(i)
                    .append("}}\n");
        }
        store(key, lines.toString());

        problem(get("/transitions?attribute=" + name), 400)
                .body("type", endsWith("/attribute-too-diverse"))
                .body("errors.at", contains("attribute"));
        get("/timelines/" + encode(key) + "/history?limit=1&attribute=" + name).statusCode(200)
                .body("items.value", contains(0));
        // 100k events would slow every later index build of this shared store.
        Api.request().delete("/timelines/" + encode(key)).then().statusCode(204);
    }
}
