package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service on every interface with authentication off says so at start (docs/operations.md, Authentication): one
 * WARN record whose fields a log collector can match, read back from the JSON log the service wrote.
 */
@QuarkusTest
@TestProfile(OpenWithoutAuth.class)
class OpenWithoutAuthTest {

    private static final String LOGGER = "dev.timelines.adapters.in.rest.auth.OpenToTheNetwork";

    @Test
    void theStartWarnsOnceThatTheApiIsOpenToTheNetwork() throws IOException {
        List<JsonNode> warnings = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(OpenWithoutAuth.LOG)) {
            JsonNode record = json.readTree(line);
            if (record.path("loggerName").asText().equals(LOGGER)) {
                warnings.add(record);
            }
        }

        assertEquals(1, warnings.size(), "one warning: " + warnings);
        JsonNode warning = warnings.get(0);
        assertEquals("WARN", warning.path("level").asText(), warning.toString());
        assertEquals("open-without-authentication", warning.path("mdc").path("warning").asText(), warning.toString());
        assertEquals("0.0.0.0", warning.path("mdc").path("http.host").asText(), warning.toString());
        assertEquals("false", warning.path("mdc").path("timelines.auth.enabled").asText(), warning.toString());
        String message = warning.path("message").asText();
        assertTrue(message.startsWith("warning=open-without-authentication http.host=0.0.0.0"), message);
        assertTrue(message.contains("timelines.auth.enabled=true"), "names the remedy: " + message);
    }
}
