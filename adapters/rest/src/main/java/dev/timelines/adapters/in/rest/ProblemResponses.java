package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AttributeTooDiverseException;
import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.TimelineNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to one RFC 9457 problem type; no stack trace or class name reaches a client. */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(), e.violations())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e) {
        return Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursorException e) {
        return Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Violation("cursor", e.getMessage()))).toResponse();
    }

    /** A request the store refuses by policy (docs/semantics.md), not a malformed one: its own problem type. */
    @ServerExceptionMapper
    public Response attributeTooDiverse(AttributeTooDiverseException e) {
        return Problem.of("attribute-too-diverse", Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Violation("attribute", e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response noState(NoStateException e) {
        return Problem.of("not-found", Response.Status.NOT_FOUND, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response timelineNotFound(TimelineNotFoundException e) {
        return Problem.of("not-found", Response.Status.NOT_FOUND, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        LOG.error("a write was refused", e);
        return Problem.of("storage-unavailable", Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        // The framework's own messages name its internals ("target resource method"): say it in API terms.
        return Problem.of(kind(status), status, defaultDetail(status), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("request failed unexpectedly", e);
        return Problem.of("internal-error", Response.Status.INTERNAL_SERVER_ERROR,
                "the server failed to answer; the failure is logged", List.of()).toResponse();
    }

    private static String kind(Response.Status status) {
        return status == Response.Status.NOT_FOUND ? "not-found"
                : status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }

    private static String defaultDetail(Response.Status status) {
        return switch (status) {
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take that method";
            case UNSUPPORTED_MEDIA_TYPE -> "this path does not take that content type";
            case NOT_ACCEPTABLE -> "this path answers application/json only";
            default -> status.getReasonPhrase();
        };
    }
}
