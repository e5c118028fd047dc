package dev.timelines.application.port.out;

import dev.timelines.domain.JsonValue;
import java.util.Optional;

/**
 * The spellings a storage shows an attribute's values in, as stored now: of equal values, the first stored event
 * carrying one wrote it. Empty for a value no stored event carries.
 */
@FunctionalInterface
public interface ValueSpellings {

    Optional<Spelling> of(JsonValue value);
}
