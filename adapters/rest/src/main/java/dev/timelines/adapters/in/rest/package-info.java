/**
 * The HTTP API of docs/api.md: resources, reply records and RFC 9457 problem mapping. The OpenAPI document's shared
 * parts are declared here: the parameters many operations take, the problem responses, the ingest bodies' schemas and
 * the security schemes; {@link dev.timelines.adapters.in.rest.OpenApiCompletion} attaches what every operation has.
 */
@OpenAPIDefinition(
        info = @Info(title = "Timelines", version = "0.1.0", description = OpenApiCompletion.OVERVIEW),
        components = @Components(
                parameters = {
                    @Parameter(name = "key", in = ParameterIn.PATH, required = true, description = ParameterDocs.KEY,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 256),
                            example = "order-1"),
                    @Parameter(name = "attribute", in = ParameterIn.QUERY, required = true,
                            description = ParameterDocs.ATTRIBUTE,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 1024),
                            example = "status"),
                    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = ParameterDocs.AS_OF,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.TIME_PATTERN),
                            example = "2023-11-14T22:15:00Z"),
                    @Parameter(name = PartialAnswers.PARAMETER, in = ParameterIn.QUERY,
                            description = ParameterDocs.PARTIAL, schema = @Schema(type = SchemaType.BOOLEAN),
                            example = "true"),
                    @Parameter(name = ReadPositions.HEADER, in = ParameterIn.HEADER,
                            description = ParameterDocs.POSITIONS,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.POSITIONS_PATTERN),
                            example = "0=13,3=41"),
                    @Parameter(name = "since", in = ParameterIn.QUERY, description = ParameterDocs.SINCE,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.TIME_PATTERN),
                            example = "2023-11-14T22:13:20Z"),
                    @Parameter(name = "until", in = ParameterIn.QUERY, description = ParameterDocs.UNTIL,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.TIME_PATTERN),
                            example = "2023-11-15T22:13:20Z"),
                    @Parameter(name = "at", in = ParameterIn.QUERY, description = ParameterDocs.AT,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.TIME_PATTERN),
                            example = "2023-11-14T22:15:50Z"),
                    @Parameter(name = "where", in = ParameterIn.QUERY, description = ParameterDocs.WHERE,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.WHERE_PATTERN),
                            example = "{\"priority\":\"high\"}"),
                    @Parameter(name = "limit", in = ParameterIn.QUERY, description = ParameterDocs.LIMIT,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                                    maximum = "10000", defaultValue = "100"),
                            example = "2"),
                    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Only transitions from this"
                            + " value." + ParameterDocs.VALUE_FORMS, schema = @Schema(type = SchemaType.STRING),
                            example = "paid"),
                    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Only transitions (and"
                            + " entries) into this value." + ParameterDocs.VALUE_FORMS,
                            schema = @Schema(type = SchemaType.STRING), example = "on_hold"),
                    @Parameter(name = "entries", in = ParameterIn.QUERY, description = ParameterDocs.ENTRIES,
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")),
                    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = ParameterDocs.CURSOR,
                            schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.CURSOR_PATTERN),
                            example = "azE6b3JkZXItMg")
                },
                responses = {
                    @APIResponse(name = "InvalidRequest", description = "The request is invalid; 'errors' names every"
                            + " offending parameter, NDJSON line or array element. Also an attribute with more"
                            + " distinct values than timelines.index.max-values, asked about across timelines"
                            + " (type .../attribute-too-diverse).",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    examples = {
                                        @ExampleObject(name = "missing-parameter", value = "{\"type\":"
                                                + "\"https://timelines.dev/problems/invalid-request\",\"title\":"
                                                + "\"Bad Request\",\"status\":400,\"detail\":\"invalid query"
                                                + " parameter 'value': is required\",\"errors\":[{\"at\":\"value\","
                                                + "\"message\":\"is required\"}]}"),
                                        @ExampleObject(name = "attribute-too-diverse", value = "{\"type\":"
                                                + "\"https://timelines.dev/problems/attribute-too-diverse\",\"title\":"
                                                + "\"Bad Request\",\"status\":400,\"detail\":\"attribute 'note' has"
                                                + " more than 100000 distinct values; questions across timelines are"
                                                + " not answered for it\",\"errors\":[{\"at\":\"attribute\","
                                                + "\"message\":\"attribute 'note' has more than 100000 distinct"
                                                + " values; questions across timelines are not answered for"
                                                + " it\"}]}")
                                    })),
                    @APIResponse(name = "Unauthenticated", description = "Only with authentication on"
                            + " (timelines.auth.enabled): no bearer token, an unknown API key, or a JWT that does not"
                            + " verify (signature, issuer, expiry).",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                                    schema = @Schema(type = SchemaType.STRING)),
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/unauthorized\",\"title\":"
                                            + "\"Unauthorized\",\"status\":401,\"detail\":\"this request needs a"
                                            + " bearer token: an API key or a JWT\"}")),
                    @APIResponse(name = "Forbidden", description = "Only with authentication on: the token's role"
                            + " does not allow the request. Reading (GET) needs the role 'read' or 'write'; changing"
                            + " (POST, DELETE) needs 'write'.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/forbidden\",\"title\":"
                                            + "\"Forbidden\",\"status\":403,\"detail\":\"the token's role does not"
                                            + " allow this request: reading needs 'read' or 'write', changing needs"
                                            + " 'write'\"}")),
                    @APIResponse(name = "TimelineNotFound", description = "No timeline has this key (or none had,"
                            + " as known at asOf).",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/not-found\",\"title\":"
                                            + "\"Not Found\",\"status\":404,\"detail\":\"timeline 'order-9' does"
                                            + " not exist\"}")),
                    @APIResponse(name = "NotAcceptable", description = "The Accept header admits none of the"
                            + " operation's media types: application/json (and problems as application/problem+json);"
                            + " application/x-ndjson for an export.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/not-acceptable\","
                                            + "\"title\":\"Not Acceptable\",\"status\":406,\"detail\":\"this path"
                                            + " answers no media type the Accept header admits\"}")),
                    @APIResponse(name = "BodyTooLarge", description = "The body is larger than"
                            + " timelines.limits.body-size (docs/operations.md, Limits); the connection is closed"
                            + " after the answer. Split the events into several requests.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/body-too-large\",\"title\":"
                                            + "\"Request Entity Too Large\",\"status\":413,\"detail\":\"the request"
                                            + " body is larger than timelines.limits.body-size (33554432 bytes)\"}")),
                    @APIResponse(name = "InternalError", description = "The server failed to answer; the failure is"
                            + " logged, and nothing of it reaches the client.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/internal-error\",\"title\":"
                                            + "\"Internal Server Error\",\"status\":500,\"detail\":\"the server"
                                            + " failed to answer; the failure is logged\"}")),
                    @APIResponse(name = "StorageUnavailable", description = "The storage cannot serve the request:"
                            + " the journal refuses writes after a disk error (reads go on), or PostgreSQL cannot be"
                            + " reached. Retry later; docs/operations.md says what an operator does.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE,
                                    schema = @Schema(implementation = Problem.class),
                                    example = "{\"type\":\"https://timelines.dev/problems/storage-unavailable\","
                                            + "\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"the"
                                            + " journal does not accept writes: No space left on device; reads"
                                            + " still work, and a restart after fixing the disk makes it writable"
                                            + " again\"}"))
                },
                securitySchemes = {
                    @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
                            bearerFormat = "API key",
                            description = "An API key from timelines.auth.keys, sent as 'Authorization: Bearer <key>'"
                                    + " (there is no separate API key header). Its role, read or write, is"
                                    + " configured with the key. Only checked with authentication on"
                                    + " (timelines.auth.enabled; docs/operations.md, Authentication)."),
                    @SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer",
                            bearerFormat = "JWT",
                            description = "A JWT from the identity provider, verified with"
                                    + " mp.jwt.verify.publickey.location and mp.jwt.verify.issuer; its roles come from"
                                    + " the 'groups' claim. Sent as 'Authorization: Bearer <jwt>'; only checked with"
                                    + " authentication on.")
                }))
package dev.timelines.adapters.in.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
