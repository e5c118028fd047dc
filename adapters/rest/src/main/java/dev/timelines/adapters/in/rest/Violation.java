package dev.timelines.adapters.in.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One offence in a request: where it is (NDJSON line, array index, parameter name) and what is wrong. */
@RegisterForReflection
public record Violation(String at, String message) {
}
