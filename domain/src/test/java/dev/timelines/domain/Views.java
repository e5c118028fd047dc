package dev.timelines.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Readable renderings of what a timeline answers, so that assertions compare plain strings. */
final class Views {

    private Views() {
    }

    /** Epoch seconds, rendered here rather than by the code under test. */
    static String time(Timestamp t) {
        long micros = t.micros();
        return micros % 1_000_000 == 0
                ? Long.toString(micros / 1_000_000)
                : BigDecimal.valueOf(micros, 6).toPlainString();
    }

    /** {@code "<timestamp> <value>"} per point, without seq. */
    static List<String> points(List<HistoryPoint> points) {
        return points.stream().map(p -> time(p.timestamp()) + " " + Json.exact(p.value())).toList();
    }

    /** {@code "<at> <from> -> <to> (<duration micros>)"}, {@code "entry"} in place of a missing from; no seq. */
    static List<String> transitions(List<Transition> transitions) {
        return transitions.stream().map(Views::transition).toList();
    }

    static String transition(Transition t) {
        String from = t.from().map(Json::exact).orElse("entry");
        if (t.isEntry() != t.from().isEmpty()) {
            throw new AssertionError("isEntry() disagrees with from(): " + t);
        }
        return time(t.at()) + " " + from + " -> " + Json.exact(t.to()) + " (" + t.durationMicros() + ")";
    }

    /** {@code "<value> since <timestamp>"}, or {@code "none"}. */
    static String state(Optional<State> state) {
        return state.map(s -> Json.exact(s.value()) + " since " + time(s.since())).orElse("none");
    }
}
