package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AttributeTooDiverseException;
import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.out.SeqConflictException;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.TimelineNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to one RFC 9457 problem type; no stack trace or class name reaches a client. Each problem is
 * announced as a {@link RequestRejected}.
 */
@Singleton
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    /** How long a client is asked to wait before it tries again while storage is being opened. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final Event<RequestRejected> rejected;
    private final AllowedMethods allowedMethods;

    public ProblemResponses(Event<RequestRejected> rejected, AllowedMethods allowedMethods) {
        this.rejected = rejected;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return answer(Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(), e.violations()));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e) {
        return answer(Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursorException e) {
        return answer(Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Violation("cursor", e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response invalidPosition(InvalidPositionException e) {
        return answer(Problem.of("invalid-request", Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Violation("after", e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response positionGone(PositionGoneException e) {
        return answer(Problem.of("position-gone", Response.Status.GONE, e.getMessage(),
                List.of(new Violation("after", e.getMessage()))));
    }

    /** A request the store refuses by policy (docs/semantics.md), not a malformed one: its own problem type. */
    @ServerExceptionMapper
    public Response attributeTooDiverse(AttributeTooDiverseException e) {
        return answer(Problem.of("attribute-too-diverse", Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Violation("attribute", e.getMessage()))));
    }

    /** The rest of the body is never read: the connection closes, rather than drain up to the hard cap. */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, RoutingContext context) {
        RouterProblems.closeAfterResponse(context);
        return answer(bodyTooLargeProblem(e.getMessage()));
    }

    /** A gzip body that is not gzip: a malformed request, like a body that is not UTF-8. */
    @ServerExceptionMapper
    public Response unreadableBody(UnreadableBodyException e) {
        return answer(Problem.of("invalid-request", Response.Status.BAD_REQUEST,
                "the request has 1 problem(s); nothing was stored", List.of(new Violation("body", e.getMessage()))));
    }

    /** RFC 9110, 15.5.16: a content coding the server does not take is a 415, which may list the ones it does. */
    @ServerExceptionMapper
    public Response unsupportedContentCoding(UnsupportedContentCodingException e) {
        return Response.fromResponse(answer(Problem.ofStatus(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage())))
                .header(HttpHeaders.ACCEPT_ENCODING, ContentCoding.ACCEPTED).build();
    }

    /** An import whose seqs the store has given already: a conflict with the store's state, not a malformed body. */
    @ServerExceptionMapper
    public Response seqConflict(SeqConflictException e) {
        return answer(Problem.of("seq-conflict", Response.Status.CONFLICT, e.getMessage(),
                List.of(new Violation("seq " + e.seq(), "not above the store's highest seq, " + e.highest()))));
    }

    @ServerExceptionMapper
    public Response noState(NoStateException e) {
        return answer(Problem.of("not-found", Response.Status.NOT_FOUND, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response timelineNotFound(TimelineNotFoundException e) {
        return answer(Problem.of("not-found", Response.Status.NOT_FOUND, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        LOG.error("a write was refused", e);
        return answer(Problem.of("storage-unavailable", Response.Status.SERVICE_UNAVAILABLE, e.getMessage(),
                List.of()));
    }

    /**
     * Storage is still being opened at start (a journal replayed): the same problem type as a storage that takes no
     * writes, since the client's remedy is the same (try again later), but expected, so not logged.
     */
    @ServerExceptionMapper
    public Response storageStarting(StorageStartingException e) {
        return Response.fromResponse(answer(Problem.of("storage-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage(), List.of()))).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** No credentials, or credentials that do not check out: the client should authenticate (again). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(answer(Problem.ofStatus(Response.Status.UNAUTHORIZED,
                "this request needs a bearer token: an API key or a JWT")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.ofStatus(Response.Status.FORBIDDEN, "the token's role does not allow this request:"
                + " reading needs 'read' or 'write', changing needs 'write'"));
    }

    /**
     * RFC 9110 wants an Allow header on every 405. RESTEasy Reactive raises its 405 without one, so unless the
     * exception names the methods itself, they are looked up for the path.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, RoutingContext context) {
        Set<String> allowed = e.getResponse().getAllowedMethods();
        if (allowed.isEmpty()) {
            allowed = allowedMethods.at(context.normalizedPath());
        }
        Response.Status status = Response.Status.METHOD_NOT_ALLOWED;
        Response problem = answer(Problem.ofStatus(status, defaultDetail(status)));
        // Empty only for a path no resource serves, which the framework answers with 404, not 405.
        return allowed.isEmpty() ? problem : Response.fromResponse(problem).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        // The framework's own messages name its internals ("target resource method"): say it in API terms.
        return answer(Problem.ofStatus(status, defaultDetail(status)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("request failed unexpectedly", e);
        return answer(internalError());
    }

    static Problem bodyTooLargeProblem(String detail) {
        return Problem.of("body-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE, detail, List.of());
    }

    static Problem internalError() {
        return Problem.of("internal-error", Response.Status.INTERNAL_SERVER_ERROR,
                "the server failed to answer; the failure is logged", List.of());
    }

    static String defaultDetail(Response.Status status) {
        return switch (status) {
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take that method";
            case UNSUPPORTED_MEDIA_TYPE -> "this path does not take that content type";
            case NOT_ACCEPTABLE -> "this path answers no media type the Accept header admits";
            default -> status.getReasonPhrase();
        };
    }

    private Response answer(Problem problem) {
        rejected.fire(new RequestRejected(problem.kind(), problem.status()));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
