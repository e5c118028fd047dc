package dev.timelines.application.question;

import dev.timelines.domain.JsonValue;
import java.util.List;
import java.util.Map;

/** The durations counted for one value: part of the contents of the partial answers that keep them by value. */
public record ValueSamples(JsonValue value, long[] micros) {

    static List<ValueSamples> listed(Map<JsonValue, DurationSamples> byValue) {
        return byValue.entrySet().stream().map(entry -> new ValueSamples(entry.getKey(), entry.getValue().toArray()))
                .toList();
    }

    /** The durations, copied: a record's array may be read again. */
    DurationSamples samples() {
        return DurationSamples.of(micros.clone(), micros.length);
    }
}
