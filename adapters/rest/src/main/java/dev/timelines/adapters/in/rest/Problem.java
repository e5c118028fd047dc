package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail; {@code errors} lists each offence with where it is. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

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
