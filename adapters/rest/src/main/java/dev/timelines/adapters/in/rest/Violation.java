package dev.timelines.adapters.in.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offence in a request: where it is (NDJSON line, array index, parameter name) and what is wrong. */
@RegisterForReflection
@Schema(description = "One offence in a request, and where it is.")
public record Violation(
        @Schema(required = true, description = "Where: 'line N' for NDJSON (from 1), '/N' for an element of a JSON"
                + " array (from 0), 'body' for a single object or the body as a whole, or the name of the query"
                + " parameter or header.", example = "line 2") String at,
        @Schema(required = true, description = "What is wrong there.", example = "'data': required")
        String message) {
}
