package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what holds for every operation and cannot be said once with annotations:
 * the problem responses any request can meet, the security schemes that apply when authentication is on, and the
 * schema of JSON values, which admits any JSON (the scanner would make the domain's {@code JsonValue} an object), and
 * NDJSON examples as text (annotations parse an example that looks like JSON, so they give NDJSON as an array).
 * Registered with {@code mp.openapi.filter}; it runs when the application is built, so the document stored at build
 * and the one served at {@code /q/openapi} are the same.
 */
public class OpenApiCompletion implements OASFilter {

    static final String OVERVIEW = "Stores events in timelines and answers how the values inside them change over"
            + " time. Every reply is JSON; every error is an RFC 9457 problem (application/problem+json) whose"
            + " errors[].at names the offending query parameter, NDJSON line ('line N') or array element ('/N')."
            + " The semantics are in docs/semantics.md and every endpoint with curl examples in docs/api.md.\n\n"
            + "Times in parameters: epoch seconds, RFC 3339, 'now' or -N with one unit of s, m, h, d; windows are"
            + " [since, until). Times and durations in replies are epoch seconds and seconds as JSON numbers."
            + " Values in 'value', 'from', 'to' and 'step' match strings as written, or a JSON literal after 'json:'."
            + " Lists are paged with 'limit' and 'cursor'. 'asOf' answers as the store was known at that moment.\n\n"
            + "Authentication is off unless the operator turns it on (timelines.auth.enabled): then every operation"
            + " wants 'Authorization: Bearer <API key or JWT>'; reading needs the role 'read' or 'write', changing"
            + " needs 'write'. /q/* (health, metrics, this document) stays open.\n\n"
            + "A method that a path does not take is answered 405 with an Allow header; a path that does not exist,"
            + " 404. Both are application/problem+json like every other error.";

    /** The component schema the scanner makes for the domain's JSON values. */
    static final String JSON_VALUE = "JsonValue";

    /** The problem responses of package-info that any operation can give, by status. */
    static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "InvalidRequest",
            "401", "Unauthenticated",
            "403", "Forbidden",
            "406", "NotAcceptable",
            "500", "InternalError",
            "503", "StorageUnavailable");

    /** Either scheme will do: both are a bearer token in the Authorization header. */
    static final List<String> SECURITY_SCHEMES = List.of("apiKey", "jwt");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(JSON_VALUE, anyJson());
        openAPI.getPaths().getPathItems().values().forEach(path -> {
            path.getOperations().values().forEach(OpenApiCompletion::complete);
            if (path.getGET() != null) {
                mayBePartial(path.getGET());
            }
        });
        statesWrittenPositions(openAPI.getPaths().getPathItem("/events").getPOST());
        statesWrittenPositions(openAPI.getPaths().getPathItem("/timelines/{key}").getDELETE());
    }

    /**
     * A reference stands for the schema it names: the scanner puts "type": "object" beside a reference that has a
     * description, which is wrong for JSON values and at best redundant for the others.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
        }
        return schema;
    }

    private static void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        Map<String, APIResponse> byStatus = new TreeMap<>(responses.getAPIResponses());
        EVERY_OPERATION.forEach((status, component) ->
                byStatus.putIfAbsent(status, OASFactory.createAPIResponse().ref(component)));
        responses.setAPIResponses(new LinkedHashMap<>(byStatus));
        operation.setSecurity(SECURITY_SCHEMES.stream()
                .map(scheme -> OASFactory.createSecurityRequirement().addScheme(scheme))
                .toList());
        if (operation.getRequestBody() != null) {
            ndjsonExamplesAsLines(operation.getRequestBody().getContent());
        }
        responses.getAPIResponses().values().forEach(response -> ndjsonExamplesAsLines(response.getContent()));
    }

    /**
     * Every read may be asked for a partial answer on a cluster, which its success then marks with a header, and for
     * the positions it must reflect at least.
     */
    private static void mayBePartial(Operation read) {
        read.addParameter(OASFactory.createParameter().ref(PartialAnswers.PARAMETER));
        read.addParameter(OASFactory.createParameter().ref(ReadPositions.HEADER));
        APIResponse success = read.getResponses().getAPIResponse("200");
        if (success != null) {
            success.addHeader(PartialAnswers.MISSING, OASFactory.createHeader()
                    .description("Only on an answer asked with partial=true that some partitions are missing from:"
                            + " those partitions, comma-separated (e.g. '1,3'). Absent from a complete answer.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^\\d+(,\\d+)*$")));
        }
    }

    /** A write on a cluster states the positions it wrote, for a read that must see it (read-your-writes). */
    private static void statesWrittenPositions(Operation write) {
        write.getResponses().getAPIResponses().entrySet().stream().filter(reply -> reply.getKey().startsWith("2"))
                .forEach(success -> success.getValue().addHeader(ReadPositions.HEADER, OASFactory.createHeader()
                        .description("On a cluster (timelines.storage=kafka): the position of every partition the"
                                + " request wrote (e.g. '0=13,3=41'). Pass it back in the same header of a read to"
                                + " be answered once every owner has applied it. Absent elsewhere.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .pattern(ParameterDocs.POSITIONS_PATTERN))));
    }

    private static void ndjsonExamplesAsLines(Content content) {
        MediaType ndjson = content == null ? null : content.getMediaType(EventBodyReader.NDJSON);
        if (ndjson != null && ndjson.getExamples() != null) {
            ndjson.getExamples().values().forEach(OpenApiCompletion::asLines);
        }
    }

    /** An NDJSON example given as a JSON array becomes its text: one element per line. */
    private static void asLines(Example example) {
        if (example.getValue() instanceof List<?> events) {
            StringBuilder lines = new StringBuilder();
            for (Object event : events) {
                try {
                    lines.append(JSON.writeValueAsString(event)).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("an example parsed from JSON is writable as JSON", e);
                }
            }
            example.setValue(lines.toString());
        }
    }

    /** No type: any JSON value, null included (docs/semantics.md, "Attributes and values"). */
    private static Schema anyJson() {
        return OASFactory.createSchema()
                .description("Any JSON value: a string, number, boolean, null, array or object. Values compare with"
                        + " JSON equality (1 equals 1.0, object member order does not matter), and come back as the"
                        + " first stored event carrying them wrote them.")
                .examples(List.of("on_hold", 25.5, true, Map.of("status", "paid")));
    }
}
