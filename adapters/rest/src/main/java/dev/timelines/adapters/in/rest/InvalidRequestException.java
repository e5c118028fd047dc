package dev.timelines.adapters.in.rest;

import java.util.List;

/** A request that breaks the API contract, with every offence found in it. */
final class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    InvalidRequestException(String summary, List<Violation> violations) {
        super(summary);
        this.violations = List.copyOf(violations);
    }

    static InvalidRequestException parameter(String name, String message) {
        return new InvalidRequestException("invalid query parameter '" + name + "': " + message,
                List.of(new Violation(name, message)));
    }

    List<Violation> violations() {
        return violations;
    }
}
