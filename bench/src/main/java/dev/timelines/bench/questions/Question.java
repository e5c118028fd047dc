package dev.timelines.bench.questions;

import dev.timelines.bench.engines.Engine;

/**
 * The questions of issue 5, then those of issue 12 (stuck timelines, ages, {@code where}, funnels, {@code asOf}),
 * each asked of every engine with the same {@link Parameters}.
 */
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
    },
    STUCK("timelines on_hold longer than 1 h at T") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.stuck(Parameters.HELD, Parameters.STUCK_LONGER_THAN_MICROS, p.atMicros());
        }
    },
    AGES("state counts with ages at T") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.ages(p.atMicros());
        }
    },
    NEXT_WHERE("next after entering on_hold where priority is high, 1 day") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.nextWhere(Parameters.HELD, p.day(), Parameters.CONDITION_ATTRIBUTE,
                    Parameters.CONDITION_VALUE);
        }
    },
    FUNNEL("funnel paid → packed → shipped within 12 h, 1 day") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.funnel(Parameters.FUNNEL, Parameters.FUNNEL_WITHIN_MICROS, p.day());
        }
    },
    STATES_AS_OF("state counts at T, asOf the last ingest batch before T") {
        @Override
        public Answer ask(Engine engine, Parameters p) throws Exception {
            return engine.statesAsOf(p.atMicros());
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
