package dev.timelines.bench.questions;

import dev.timelines.bench.engines.Engine;

/** The questions of issue 5, each asked of every engine with the same {@link Parameters}. */
public enum Question {

    CHANGES("changes view of one timeline") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.changes(p.key());
        }
    },
    TRANSITIONS("paid → on_hold, 10-minute window") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.transitions(Parameters.FROM, Parameters.HELD, p.tenMinutes());
        }
    },
    NEXT("next after entering on_hold, 1-day window") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.next(Parameters.HELD, p.day());
        }
    },
    PROCESS_MAP("process map (count, median per pair), 1 day") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.processMap(p.day());
        }
    },
    STATES_AT("state counts at T") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.statesAt(p.atMicros());
        }
    },
    IN_STATE_AT("timelines on_hold at T") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.inStateAt(Parameters.HELD, p.atMicros());
        }
    },
    TIME_IN_STATE("time in each state over a day") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.timeInStates(p.day());
        }
    };

    private final String title;

    Question(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public abstract Answer ask(Engine engine, Parameters parameters) throws Exception;
}
