package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Problem responses for what the HTTP layer decides before any resource runs, where it would otherwise answer with
 * an empty body: a body whose Content-Length is over {@code timelines.limits.body-size} (refused before a byte of
 * it is read), and any failure of the routing itself (a request without a Host header, say). Not reached: a URL
 * that is no valid URI ({@code ?since=%zz}), which Quarkus refuses with an empty 400 before any router runs.
 */
@ApplicationScoped
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final Event<RequestRejected> rejected;

    public RouterProblems(ObjectMapper mapper, Limits limits, Event<RequestRejected> rejected) {
        this.mapper = mapper;
        this.maxBodyBytes = limits.bodyBytes();
        this.rejected = rejected;
    }

    /** Runs first, ahead of Quarkus' own body limit, which would answer 413 with nothing in it. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            closeAfterResponse(context);
            send(context, ProblemResponses.bodyTooLargeProblem(BodyTooLargeException.message(maxBodyBytes)));
        } else {
            context.next();
        }
    }

    private void answerFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Response.Status status = Response.Status.fromStatusCode(context.statusCode());
        if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            LOG.error("request failed unexpectedly", context.failure());
            send(context, ProblemResponses.internalError());
        } else if (status == Response.Status.BAD_REQUEST) {
            // Vert.x words these for clients ("the 'Host' header is required"); they name no internals.
            String message = context.failure() == null ? null : context.failure().getMessage();
            send(context, Problem.of("invalid-request", status, message == null ? "the request is malformed" : message,
                    List.of()));
        } else {
            send(context, Problem.ofStatus(status, ProblemResponses.defaultDetail(status)));
        }
    }

    /**
     * Ends the connection once the response is out: the rest of an oversized body is never read, and the client
     * may still be sending it, so the connection cannot carry another request.
     */
    static void closeAfterResponse(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        context.addEndHandler(ended -> context.request().connection().close());
    }

    private void send(RoutingContext context, Problem problem) {
        rejected.fire(new RequestRejected(problem.kind(), problem.status()));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record is always writable", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    /** The length the client declared; -1 for a malformed one, which the HTTP codec refuses on its own. */
    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
