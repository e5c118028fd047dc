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

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
