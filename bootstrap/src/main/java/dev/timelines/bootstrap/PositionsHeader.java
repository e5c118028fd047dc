package dev.timelines.bootstrap;

import dev.timelines.adapters.in.rest.PartialAnswers;
import dev.timelines.adapters.out.kafka.HttpPartTransport;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * States in {@value AnswerPositions#HEADER} the positions a reply's answer reflects, when it was merged from parts,
 * and in {@value PartialAnswers#MISSING} the partitions a partial answer lacks.
 */
public class PositionsHeader {

    private final AnswerPositions answer;

    public PositionsHeader(AnswerPositions answer) {
        this.answer = answer;
    }

    @ServerResponseFilter
    public void state(ContainerResponseContext response) {
        if (answer.positions() != null) {
            response.getHeaders().putSingle(AnswerPositions.HEADER, HttpPartTransport.header(answer.positions()));
        }
        if (!answer.missing().isEmpty()) {
            response.getHeaders().putSingle(PartialAnswers.MISSING, answer.missing().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
    }
}
