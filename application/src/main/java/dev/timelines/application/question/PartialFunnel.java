package dev.timelines.application.question;

import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A funnel (docs/semantics.md, "Funnels"): per step, the timelines whose chain reached it and the time their
 * chains took from the step before. Only entries in the window where the condition holds take part.
 */
public final class PartialFunnel
        implements RetractablePartial<PartialFunnel, List<FunnelStep>, PartialFunnel.Contents> {

    /** A funnel over the entries in a window. */
    public record Question(Funnel funnel, Window window, Scope scope) implements RetractableQuestion<PartialFunnel> {

        @Override
        public PartialFunnel ask() {
            return new PartialFunnel(funnel, window, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, PartialFunnel partial) {
            return indexed.funnel(attribute, partial);
        }
    }

    /** Per step, the timelines that reached it and the durations from the step before. */
    public record Contents(long[] reached, List<long[]> durations) {
    }

    private final Funnel funnel;
    private final Window window;
    private final Scope scope;
    private final long[] reached;
    private final DurationSamples[] durations;

    public PartialFunnel(Funnel funnel, Window window, Scope scope) {
        this.funnel = funnel;
        this.window = window;
        this.scope = scope;
        this.reached = new long[funnel.steps().size()];
        this.durations = new DurationSamples[funnel.steps().size()];
        for (int step = 0; step < durations.length; step++) {
            durations[step] = new DurationSamples();
        }
    }

    public Funnel funnel() {
        return funnel;
    }

    public Window window() {
        return window;
    }

    @Override
    public StaySelection selection() {
        return StaySelection.of(new StaySelection.EnteredIn(window));
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        addChain(funnel.chain(timeline.enteredWhere(scope.where())));
    }

    /** Adds a timeline's chain, found elsewhere by {@link Funnel#chain}. */
    public void addChain(List<Stay> chain) {
        for (int step = 0; step < chain.size(); step++) {
            reached[step]++;
            if (step > 0) {
                durations[step].add(chain.get(step).since().micros() - chain.get(step - 1).since().micros());
            }
        }
    }

    /** Shows the funnel's own steps, not stored values: nothing to spell. */
    @Override
    public void spell(ValueSpellings store) {
    }

    @Override
    public PartialFunnel merge(PartialFunnel other) {
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(reached.clone(), Arrays.stream(durations).map(DurationSamples::toArray).toList());
    }

    @Override
    public PartialFunnel addContents(Contents contents) {
        for (int step = 0; step < reached.length; step++) {
            reached[step] += contents.reached()[step];
            long[] micros = contents.durations().get(step);
            durations[step].merge(DurationSamples.of(micros, micros.length));
        }
        return this;
    }

    @Override
    public PartialFunnel inScope(Scope other) {
        return new PartialFunnel(funnel, window, other);
    }

    @Override
    public PartialFunnel without(PartialFunnel counted) {
        for (int step = 0; step < reached.length; step++) {
            reached[step] -= counted.reached[step];
            durations[step].without(counted.durations[step]);
        }
        return this;
    }

    @Override
    public List<FunnelStep> answer() {
        List<FunnelStep> steps = new ArrayList<>(reached.length);
        for (int step = 0; step < reached.length; step++) {
            Optional<Double> conversion = step == 0 || reached[step - 1] == 0
                    ? Optional.empty()
                    : Optional.of((double) reached[step] / reached[step - 1]);
            steps.add(new FunnelStep(funnel.steps().get(step), reached[step], conversion,
                    durations[step].count() == 0 ? Optional.empty() : Optional.of(durations[step].statistics())));
        }
        return steps;
    }
}
