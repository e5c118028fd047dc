package dev.timelines.adapters.in.rest;

import dev.timelines.domain.Timestamp;
import java.util.Optional;

/**
 * The moment a request reads the store as known at ({@code asOf}; docs/semantics.md, "As known at") and its "now":
 * that moment when given (one in the future is now), else the clock's. Relative times and omitted moments of the
 * request are taken from this "now".
 */
record Reading(Timestamp now, Optional<Timestamp> asOf) {
}
