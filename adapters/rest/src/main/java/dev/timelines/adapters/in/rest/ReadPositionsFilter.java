package dev.timelines.adapters.in.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Reads {@value ReadPositions#HEADER} from every GET, once, for whatever answers it (a 400 when malformed). */
public class ReadPositionsFilter {

    private final ReadPositions positions;

    public ReadPositionsFilter(ReadPositions positions) {
        this.positions = positions;
    }

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod())) {
            positions.await(request.getHeaderString(ReadPositions.HEADER));
        }
    }
}
