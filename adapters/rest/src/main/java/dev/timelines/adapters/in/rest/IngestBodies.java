package dev.timelines.adapters.in.rest;

import dev.timelines.domain.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of ingest bodies, for the OpenAPI document only: {@link EventReader} reads bodies itself, so that every
 * offence is named with where it is (docs/semantics.md, "Timelines and events").
 */
final class IngestBodies {

    static final String TIMESTAMP = "The event's time: epoch seconds as a JSON number (1680945987, 1680945987.25) or"
            + " an RFC 3339 string (2023-04-08T09:26:27Z). Kept to the microsecond; years 0001-9999. A numeric string"
            + " (\"1680945987\") is refused.";
    static final String DATA = "The event's values: a JSON object, possibly empty; at most timelines.limits.data-size"
            + " bytes as compact JSON.";
    static final String ID = "Optional, 1-128 characters: a second event with the same id in the same timeline is not"
            + " stored and counts as a duplicate.";

    private IngestBodies() {
    }

    /** The string form of a timestamp (the scanner would name it after Java's OffsetDateTime). */
    @Schema(name = "DateTime", type = SchemaType.STRING, format = "date-time",
            description = "An RFC 3339 date-time.", examples = "2023-04-08T11:26:27.5+02:00")
    interface DateTime {
    }

    /** An event sent to {@code POST /timelines/{key}/events}. */
    @Schema(name = "Event", description = "An event for the timeline in the path. No other field is accepted: values"
            + " belong in 'data'.", additionalProperties = Schema.False.class)
    record Event(
            @Schema(required = true, description = TIMESTAMP, oneOf = {BigDecimal.class, DateTime.class})
            Object timestamp,
            @Schema(required = true, description = DATA) Map<String, JsonValue> data,
            @Schema(description = ID, minLength = 1, maxLength = 128) String id,
            @Schema(description = "Optional; when given, it must equal the key in the path.") String timeline) {
    }

    /** A JSON array of events for {@code POST /timelines/{key}/events}: named, so that a client has a type for it. */
    @Schema(name = "Events", type = SchemaType.ARRAY, implementation = Event.class,
            description = "Events for the timeline in the path, stored all or nothing.")
    interface Events {
    }

    /** An event sent to {@code POST /events}: it names its timeline. */
    @Schema(name = "NamedEvent", description = "An event that names its timeline. No other field is accepted: values"
            + " belong in 'data'.", additionalProperties = Schema.False.class)
    record NamedEvent(
            @Schema(required = true, description = "The key of the timeline the event belongs to.", minLength = 1)
            String timeline,
            @Schema(required = true, description = TIMESTAMP, oneOf = {BigDecimal.class, DateTime.class})
            Object timestamp,
            @Schema(required = true, description = DATA) Map<String, JsonValue> data,
            @Schema(description = ID, minLength = 1, maxLength = 128) String id) {
    }

    /** A JSON array of events for {@code POST /events}. */
    @Schema(name = "NamedEvents", type = SchemaType.ARRAY, implementation = NamedEvent.class,
            description = "Events that name their timelines, stored all or nothing.")
    interface NamedEvents {
    }
}
