package dev.timelines.adapters.in.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Reads {@code partial} from the query of every GET, once, for whatever merges the answer (a 400 when malformed). */
public class PartialAnswersFilter {

    private final PartialAnswers partial;
    private final QueryParameters parameters;

    public PartialAnswersFilter(PartialAnswers partial, QueryParameters parameters) {
        this.partial = partial;
        this.parameters = parameters;
    }

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod())) {
            partial.allow(parameters.flag(PartialAnswers.PARAMETER,
                    request.getUriInfo().getQueryParameters().getFirst(PartialAnswers.PARAMETER)));
        }
    }
}
