package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /q/openapi (docs/api.md, "The OpenAPI document") is valid OpenAPI, and says for every
 * operation what a client generator and an operator need: every error response with the problem schema, a type
 * and a description for every parameter, examples that fit their schemas, and the security that applies. Its
 * patterns for times and durations accept what the service accepts.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class OpenApiDocumentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** The problem responses every operation lists (OpenApiCompletion). */
    private static final List<String> EVERY_OPERATION = List.of("400", "401", "403", "406", "500", "503");
    private static final Set<String> TIME_PARAMETERS = Set.of("since", "until", "at", "asOf");
    private static final Set<String> DURATION_PARAMETERS = Set.of("longerThan", "within");

    /** As served: references are followed by the test itself, where it needs what they name. */
    private static OpenAPI document;

    /** Fetched once, in the first test: the application is not listening yet when a static @BeforeAll runs. */
    @BeforeEach
    void fetchTheDocument() {
        if (document != null) {
            return;
        }
        String text = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertEquals(List.of(), parsed.getMessages(), "the document must be valid OpenAPI");
        document = parsed.getOpenAPI();
    }

    @Test
    void isOpenApi31WithEveryPathOfTheApi() {
        assertEquals("3.1.0", document.getOpenapi());
        assertEquals(new TreeSet<>(List.of("/attributes", "/attributes/{attribute}/values", "/events",
                "/events/import", "/funnels",
                "/states", "/states/durations", "/states/stuck", "/timelines", "/timelines/{key}",
                "/timelines/{key}/events", "/timelines/{key}/history", "/timelines/{key}/state",
                "/timelines/{key}/transitions", "/transitions", "/transitions/next", "/transitions/previous",
                "/transitions/stream", "/transitions/summary")), new TreeSet<>(document.getPaths().keySet()));
        assertNotNull(document.getInfo().getDescription());
    }

    @Test
    void everyOperationIsNamedSummarizedDescribedAndTagged() {
        Set<String> ids = new TreeSet<>();
        operations(document).forEach((name, operation) -> {
            assertNotBlank(operation.getOperationId(), name + " operationId");
            assertTrue(ids.add(operation.getOperationId()), name + " has an operationId of its own");
            assertNotBlank(operation.getSummary(), name + " summary");
            assertNotBlank(operation.getDescription(), name + " description");
            assertFalse(operation.getTags() == null || operation.getTags().isEmpty(), name + " tags");
        });
        assertEquals(23, ids.size());
    }

    @Test
    void everyOperationListsItsErrorResponsesAsProblems() {
        operations(document).forEach((name, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            for (String status : EVERY_OPERATION) {
                assertProblem(name + " " + status, responses.get(status));
            }
            if (name.contains("/timelines/{key}") && !name.startsWith("POST")) {
                assertProblem(name + " 404", responses.get("404"));
            }
            if (name.startsWith("POST")) {
                assertProblem(name + " 413", responses.get("413"));
            }
            responses.keySet().forEach(status -> assertTrue(status.matches("[2-5]\\d\\d"), name + " " + status));
        });
    }

    /** Every success is JSON, but the export's, which is NDJSON; deleting one timeline answers 204 without body. */
    @Test
    void everySuccessHasItsSchemaAndExamplesAndDeleteAnswers204() {
        operations(document).forEach((name, operation) -> {
            List<String> successes = operation.getResponses().keySet().stream()
                    .filter(status -> status.startsWith("2")).toList();
            if (name.equals("DELETE /timelines/{key}")) {
                assertEquals(List.of("204"), successes, name);
                assertNull(operation.getResponses().get("204").getContent(), name + " 204 has no body");
                return;
            }
            assertEquals(List.of("200"), successes, name);
            // Two replies are not JSON: the export (NDJSON) and the stream (Server-Sent Events, each message's data a
            // JSON item).
            String type = name.equals("GET /events") ? "application/x-ndjson"
                    : name.endsWith("/transitions/stream") ? "text/event-stream" : "application/json";
            MediaType reply = operation.getResponses().get("200").getContent().get(type);
            assertNotNull(reply, name + " 200 is " + type);
            assertNotNull(reply.getSchema(), name + " 200 schema");
            assertFalse(reply.getExamples() == null || reply.getExamples().isEmpty(), name + " 200 examples");
        });
    }

    /** An export's example is NDJSON text, one exported event per line, like an import's body. */
    @Test
    void exportsDocumentTheirNdjsonLines() {
        for (String name : List.of("GET /events", "GET /timelines/{key}/events")) {
            examplesOf(ndjsonReply(name)).values().forEach(example -> example.asText().lines()
                    .forEach(line -> assertTrue(line.startsWith("{\"timeline\":"), name + ": " + line)));
        }
        assertProblem("POST /events/import 409", operations(document).get("POST /events/import").getResponses()
                .get("409"));
    }

    /** The whole lists' NDJSON form is documented beside their pages: text, one item per line. */
    @Test
    void wholeListsDocumentTheirNdjsonLines() {
        for (String name : List.of("GET /timelines", "GET /states/stuck")) {
            MediaType ndjson = ndjsonReply(name);
            assertFalse(examplesOf(ndjson).isEmpty(), name);
            examplesOf(ndjson).values().forEach(example -> assertTrue(example.asText().endsWith("}\n")
                    || example.asText().endsWith("\"\n"), name + ": " + example));
        }
    }

    /** The operation's NDJSON reply, documented as text. */
    private static MediaType ndjsonReply(String name) {
        MediaType ndjson = operations(document).get(name).getResponses().get("200").getContent()
                .get("application/x-ndjson");
        assertNotNull(ndjson, name);
        assertEquals(Set.of("string"), types(ndjson.getSchema()), name);
        return ndjson;
    }

    @Test
    void examplesFitTheirSchemas() {
        operations(document).forEach((name, operation) -> {
            operation.getResponses().forEach((status, response) -> contentOf(deref(response).getContent())
                    .forEach((type, media) -> examplesOf(media).forEach((example, value) ->
                            conforms(name + " " + status + " " + example, value, media.getSchema()))));
            if (operation.getRequestBody() != null) {
                MediaType json = operation.getRequestBody().getContent().get("application/json");
                examplesOf(json).forEach((example, value) ->
                        conforms(name + " body " + example, value, json.getSchema()));
            }
        });
    }

    @Test
    void ingestTakesAJsonObjectAJsonArrayOrNdjson() {
        operations(document).forEach((name, operation) -> {
            if (!name.startsWith("POST")) {
                assertNull(operation.getRequestBody(), name);
                return;
            }
            assertTrue(operation.getRequestBody().getRequired(), name + " body required");
            Content content = operation.getRequestBody().getContent();
            assertEquals(Set.of("application/json", "application/x-ndjson"), content.keySet(), name);
            List<Schema<?>> forms = content.get("application/json").getSchema().getOneOf().stream()
                    .map(form -> deref((Schema<?>) form)).toList();
            assertEquals(Set.of("object"), types(forms.get(0)), name + ": one event");
            assertEquals(Set.of("array"), types(forms.get(1)), name + ": an array of events");
            assertEquals(forms.get(0), deref(forms.get(1).getItems()), name + ": an array of the same events");
            assertTrue(forms.get(0).getRequired().containsAll(List.of("timestamp", "data")), name);
            MediaType ndjson = content.get("application/x-ndjson");
            assertEquals(Set.of("string"), types(ndjson.getSchema()));
            examplesOf(ndjson).values().forEach(example -> {
                assertTrue(example.isTextual(), name + ": an NDJSON example is text");
                example.asText().lines().forEach(line -> assertTrue(line.startsWith("{"), name + ": " + line));
            });
        });
    }

    @Test
    void everyParameterHasATypeAndADescription() {
        operations(document).forEach((name, operation) -> {
            for (Parameter parameter : parameters(operation)) {
                String what = name + " parameter " + parameter.getName();
                assertNotBlank(parameter.getDescription(), what + " description");
                assertNotNull(parameter.getSchema(), what + " schema");
                assertFalse(types(parameter.getSchema()).isEmpty(), what + " type");
                if ("path".equals(parameter.getIn())) {
                    assertTrue(parameter.getRequired(), what + " is required");
                }
                checkForm(what, parameter);
            }
        });
    }

    @Test
    void requiredParametersAreMarkedRequired() {
        operations(document).forEach((name, operation) -> {
            Map<String, Parameter> byName = new LinkedHashMap<>();
            parameters(operation).forEach(parameter -> byName.put(parameter.getName(), parameter));
            boolean searchOrListing = name.equals("GET /timelines") || name.equals("GET /attributes");
            if (byName.containsKey("attribute") && !searchOrListing) {
                assertTrue(byName.get("attribute").getRequired(), name + " attribute");
            }
            if (name.equals("GET /timelines")) {
                assertFalse(Boolean.TRUE.equals(byName.get("attribute").getRequired()), name);
            }
            if (name.startsWith("GET /transitions/next") || name.startsWith("GET /transitions/previous")) {
                assertTrue(byName.get("value").getRequired(), name + " value");
            }
            if (name.equals("GET /states/stuck")) {
                assertTrue(byName.get("longerThan").getRequired(), name + " longerThan");
                assertFalse(Boolean.TRUE.equals(byName.get("value").getRequired()), name + " value is optional");
            }
            if (name.equals("GET /funnels")) {
                assertTrue(byName.get("step").getRequired(), name + " step");
            }
            byName.values().stream()
                    .filter(parameter -> Set.of("asOf", "since", "until", "at", "limit", "cursor", "where")
                            .contains(parameter.getName()))
                    .forEach(parameter -> assertFalse(Boolean.TRUE.equals(parameter.getRequired()),
                            name + " " + parameter.getName() + " is optional"));
        });
    }

    @Test
    void jsonValuesAdmitAnyJson() {
        Schema<?> value = document.getComponents().getSchemas().get("JsonValue");
        assertTrue(types(value).isEmpty(), "no type: any JSON, null included");
        assertNotBlank(value.getDescription(), "JsonValue description");
        for (String reply : List.of("TransitionItem", "Point", "StateItem", "Usage", "Stuck", "Step")) {
            document.getComponents().getSchemas().get(reply).getProperties().forEach((property, schema) -> {
                Schema<?> field = (Schema<?>) schema;
                if (field.get$ref() != null) {
                    assertTrue(types(field).isEmpty(), reply + "." + property + ": a bare reference");
                }
            });
        }
        assertEquals("#/components/schemas/JsonValue", property("TransitionItem", "to").get$ref());
        assertEquals("#/components/schemas/JsonValue", property("StateItem", "value").get$ref());
    }

    @Test
    void bearerApiKeysAndJwtsApplyToEveryOperation() {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertEquals(Set.of("apiKey", "jwt"), schemes.keySet());
        schemes.values().forEach(scheme -> {
            assertEquals(SecurityScheme.Type.HTTP, scheme.getType());
            assertEquals("bearer", scheme.getScheme());
            assertNotBlank(scheme.getDescription(), "scheme description");
        });
        assertEquals("JWT", schemes.get("jwt").getBearerFormat());
        operations(document).forEach((name, operation) -> {
            List<SecurityRequirement> security = operation.getSecurity();
            assertNotNull(security, name);
            assertEquals(List.of(Set.of("apiKey"), Set.of("jwt")),
                    security.stream().map(requirement -> requirement.keySet()).toList(), name + ": either scheme");
        });
    }

    /** The documented patterns agree with the service on each of these: it refuses exactly what they refuse. */
    @Test
    void timeAndDurationPatternsAgreeWithTheService() {
        Pattern time = pattern("at");
        for (String candidate : List.of("now", "-10m", "-2h", "-7d", "1700000000", "1700000000.5", "-86400",
                "2023-11-14T22:13:20Z", "2023-11-14T22:13:20.123456Z", "2023-04-08T11:26:27.5+02:00",
                "2023-11-14t22:13:20z", "2023-11-14T22:13Z", "yesterday", "-10", "10m", "-1w", "1e9",
                "2023-11-14", "2023-11-14T22:13:20", "2023-11-14T22:13:20.Z", "2023-11-14 22:13:20Z")) {
            boolean accepted = given().queryParam("attribute", "status").queryParam("at", candidate)
                    .when().get("/states").then().extract().statusCode() == 200;
            assertEquals(accepted, time.matcher(candidate).find(), "at=" + candidate);
        }
        Pattern duration = pattern("longerThan");
        for (String candidate : List.of("0", "7200", "0.5", "90s", "10m", "2h", "7d", "1.5h", "0.000001",
                "-1", "2w", "1h30m", "h", "1.1234567", " 5", "1e3")) {
            boolean accepted = given().queryParam("attribute", "status").queryParam("longerThan", candidate)
                    .when().get("/states/stuck").then().extract().statusCode() == 200;
            assertEquals(accepted, duration.matcher(candidate).find(), "longerThan=" + candidate);
        }
    }

    @Test
    void cursorsTheServiceIssuesFitTheCursorPattern() {
        String prefix = Api.uniqueKey("cursor") + "-";
        Api.store(prefix + "a", "{\"timestamp\": 1, \"data\": {\"status\": \"x\"}}");
        Api.store(prefix + "b", "{\"timestamp\": 1, \"data\": {\"status\": \"x\"}}");
        String next = given().queryParam("prefix", prefix).queryParam("limit", 1).when().get("/timelines")
                .then().statusCode(200).extract().path("next");
        assertTrue(pattern("cursor").matcher(next).find(), next);
    }

    private static void checkForm(String what, Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        String name = parameter.getName();
        if (name.equals("limit")) {
            assertEquals(Set.of("integer"), types(schema), what);
            assertEquals(1, schema.getMinimum().intValue(), what);
            assertEquals(10000, schema.getMaximum().intValue(), what);
        } else if (name.equals("entries") || name.equals("ages") || name.equals("partial")) {
            assertEquals(Set.of("boolean"), types(schema), what);
        } else if (name.equals("mode") || name.equals("format")) {
            assertEquals(Set.of("string"), types(schema), what);
            assertFalse(schema.getEnum() == null || schema.getEnum().isEmpty(), what + " enum");
        } else if (name.equals("step")) {
            assertEquals(Set.of("array"), types(schema), what);
            assertEquals(2, schema.getMinItems(), what);
            assertEquals(16, schema.getMaxItems(), what);
        } else if (TIME_PARAMETERS.contains(name) || DURATION_PARAMETERS.contains(name) || name.equals("cursor")
                || name.equals("where")) {
            assertEquals(Set.of("string"), types(schema), what);
            assertNotBlank(schema.getPattern(), what + " pattern");
        } else {
            assertEquals(Set.of("string"), types(schema), what);
        }
    }

    /**
     * A small JSON Schema check, enough for the document's own shapes: types, properties (no undeclared ones: an
     * example must not show a field the schema lacks), required members, array items and oneOf/anyOf.
     */
    private static void conforms(String where, JsonNode value, Schema<?> schema) {
        if (schema == null) {
            return;
        }
        schema = deref(schema);
        List<Schema> alternatives = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (alternatives != null) {
            long matching = alternatives.stream().filter(alternative -> fits(value, alternative)).count();
            assertTrue(schema.getOneOf() != null ? matching == 1 : matching >= 1, where + ": " + value);
            return;
        }
        Set<String> types = types(schema);
        if (!types.isEmpty()) {
            assertTrue(types.contains(typeOf(value)) || types.contains("number") && value.isIntegralNumber(),
                    where + ": " + value + " is not " + types);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            assertTrue(schema.getEnum().stream().map(String::valueOf).toList().contains(value.asText()), where);
        }
        if (value.isObject() && schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            if (schema.getRequired() != null) {
                schema.getRequired().forEach(required -> assertTrue(value.has(required), where + " ." + required));
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String member = names.next();
                assertTrue(properties.containsKey(member), where + ": '" + member + "' is not in the schema");
                conforms(where + "." + member, value.get(member), properties.get(member));
            }
        }
        if (value.isArray() && schema.getMaxItems() != null) {
            assertTrue(value.size() <= schema.getMaxItems(), where + ": at most " + schema.getMaxItems());
        }
        if (value.isArray() && schema.getItems() != null) {
            for (int i = 0; i < value.size(); i++) {
                conforms(where + "[" + i + "]", value.get(i), schema.getItems());
            }
        }
    }

    private static boolean fits(JsonNode value, Schema<?> schema) {
        try {
            conforms("", value, schema);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isObject()) {
            return "object";
        } else if (value.isArray()) {
            return "array";
        } else if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static void assertProblem(String what, ApiResponse response) {
        assertNotNull(response, what + " is documented");
        response = deref(response);
        assertNotNull(response, what + " refers to a response that exists");
        assertNotBlank(response.getDescription(), what + " description");
        MediaType problem = response.getContent().get(PROBLEM);
        assertNotNull(problem, what + " is " + PROBLEM);
        assertEquals(PROBLEM_SCHEMA, problem.getSchema().get$ref(), what);
        assertTrue(problem.getExample() != null || problem.getExamples() != null, what + " example");
    }

    private static Pattern pattern(String parameter) {
        return Pattern.compile(document.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> parameters(operation).stream())
                .filter(candidate -> candidate.getName().equals(parameter))
                .findFirst().orElseThrow().getSchema().getPattern());
    }

    private static Schema<?> property(String schema, String property) {
        return (Schema<?>) document.getComponents().getSchemas().get(schema).getProperties().get(property);
    }

    /** "METHOD /path" to operation, for every operation of the document. */
    private static Map<String, Operation> operations(OpenAPI openApi) {
        Map<String, Operation> all = new LinkedHashMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> all.put(method + " " + path, operation)));
        assertFalse(all.isEmpty());
        return all;
    }

    /** The operation's parameters, each reference replaced by the parameter it names. */
    private static List<Parameter> parameters(Operation operation) {
        if (operation.getParameters() == null) {
            return List.of();
        }
        return operation.getParameters().stream().map(parameter -> parameter.get$ref() == null ? parameter
                : document.getComponents().getParameters().get(componentName(parameter.get$ref()))).toList();
    }

    /** The schema a reference names (itself when it is none). */
    private static Schema<?> deref(Schema<?> schema) {
        while (schema.get$ref() != null) {
            schema = document.getComponents().getSchemas().get(componentName(schema.get$ref()));
            assertNotNull(schema, "a reference names a schema that exists");
        }
        return schema;
    }

    private static ApiResponse deref(ApiResponse response) {
        return response.get$ref() == null ? response
                : document.getComponents().getResponses().get(componentName(response.get$ref()));
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Map<String, MediaType> contentOf(Content content) {
        return content == null ? Map.of() : content;
    }

    private static Map<String, JsonNode> examplesOf(MediaType media) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (media == null) {
            return examples;
        }
        ObjectMapper json = new ObjectMapper();
        if (media.getExample() != null) {
            examples.put("example", json.valueToTree(media.getExample()));
        }
        if (media.getExamples() != null) {
            for (Map.Entry<String, Example> example : media.getExamples().entrySet()) {
                examples.put(example.getKey(), json.valueToTree(example.getValue().getValue()));
            }
        }
        return examples;
    }

    /** OpenAPI 3.1 gives a schema's types as a set; 3.0 as one type. */
    private static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    private static void assertNotBlank(String text, String what) {
        assertTrue(text != null && !text.isBlank(), what + " is missing");
    }
}
