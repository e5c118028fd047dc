package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; {@code errors} lists each offence with where it is. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem detail, served as application/problem+json. No stack trace or class name"
        + " ever appears in it.")
public record Problem(
        @Schema(required = true, format = "uri", description = "What went wrong, one URI per kind:"
                + " https://timelines.dev/problems/ followed by invalid-request, attribute-too-diverse,"
                + " body-too-large, position-gone, not-found, seq-conflict, unauthorized, forbidden,"
                + " method-not-allowed, not-acceptable, storage-unavailable or internal-error.",
                example = "https://timelines.dev/problems/invalid-request") String type,
        @Schema(required = true, description = "The HTTP status's reason phrase.", example = "Bad Request")
        String title,
        @Schema(required = true, description = "The HTTP status code.", example = "400") int status,
        @Schema(required = true, description = "What happened, for a person.") String detail,
        @Schema(description = "Every offence of the request, each with where it is; absent when there is none to"
                + " locate.") List<Violation> errors) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://timelines.dev/problems/";

    static Problem of(String kind, Response.Status status, String detail, List<Violation> errors) {
        return new Problem(TYPE_BASE + kind, status.getReasonPhrase(), status.getStatusCode(), detail,
                errors.isEmpty() ? null : errors);
    }

    /** A problem of the kind the status names, such as {@code not-found} or {@code method-not-allowed}. */
    static Problem ofStatus(Response.Status status, String detail) {
        return of(status.getReasonPhrase().toLowerCase().replace(' ', '-'), status, detail, List.of());
    }

    /** The last segment of the type: what the problem is, in one word. */
    String kind() {
        return type.substring(TYPE_BASE.length());
    }
}
