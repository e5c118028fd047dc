package dev.timelines.application.service;

import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.model.Scope;
import dev.timelines.application.question.StayFold;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions stream read from the {@link ChangeFeed}: each revision of a timeline becomes the difference between
 * the transitions it had before and after, selected as {@code /transitions} selects them ({@link TransitionRun}), so
 * the stream has no rule of its own. Folding the messages therefore gives the list, whatever order events arrive in.
 */
public final class TransitionStreamService implements WatchTransitionsUseCase {

    /** Revisions read from the feed at a time, under its lock. */
    private static final int REVISIONS_PER_PULL = 256;

    private final ChangeFeed feed;

    public TransitionStreamService(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public Watch watch(Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to, boolean entries,
            Optional<StreamPosition> after) {
        feed.watch();
        StreamPosition start = after.orElseGet(feed::current);
        feed.check(start);
        return new FeedWatch(new Selection(attribute, new TransitionFilter(from, to, Window.ALL), entries), start);
    }

    /** The transitions a stream is about; streams with equal selections share the messages of a revision. */
    private record Selection(Attribute attribute, TransitionFilter filter, boolean entries) {

        /** Retractions of what the timeline no longer has, then the transitions it gained, each in list order. */
        List<TransitionChange> changes(TimelineRevision revision) {
            List<Transition> before = selected(revision.before());
            List<Transition> after = selected(revision.after());
            Set<Transition> had = new HashSet<>(before);
            Set<Transition> has = new HashSet<>(after);
            List<TransitionChange> changes = new ArrayList<>();
            before.stream().filter(transition -> !has.contains(transition))
                    .forEach(gone -> changes.add(new TransitionChange(TransitionChange.Kind.RETRACTION, gone)));
            after.stream().filter(transition -> !had.contains(transition))
                    .forEach(added -> changes.add(new TransitionChange(TransitionChange.Kind.TRANSITION, added)));
            return changes;
        }

        private List<Transition> selected(Optional<Timeline> timeline) {
            if (timeline.isEmpty()) {
                return List.of();
            }
            TimelineStays stays = new TimelineStays(timeline.get().key(), timeline.get().stays(attribute), Map.of());
            return StayFold.add(stays, new TransitionRun(filter, entries, Optional.empty(), Integer.MAX_VALUE,
                    Scope.ALL)).answer();
        }
    }

    private final class FeedWatch implements Watch {

        private final Selection selection;
        private StreamPosition position;

        FeedWatch(Selection selection, StreamPosition position) {
            this.selection = selection;
            this.position = position;
        }

        @Override
        public List<Message> next(int limit) {
            List<Message> messages = new ArrayList<>();
            List<ChangeFeed.Recorded> revisions;
            while (!(revisions = feed.from(position, REVISIONS_PER_PULL)).isEmpty()) {
                if (take(revisions, limit, messages)) {
                    break;
                }
            }
            return messages;
        }

        /** Adds the messages of the revisions up to the limit; true when it was reached. */
        private boolean take(List<ChangeFeed.Recorded> revisions, int limit, List<Message> messages) {
            for (ChangeFeed.Recorded recorded : revisions) {
                List<TransitionChange> changes = recorded.derived(selection, selection::changes);
                // The first revision may be one the client has part of: its messages come in a fixed order.
                for (int sent = recorded.number() == position.change() ? position.sent() : 0; sent < changes.size();
                        sent++) {
                    if (messages.size() == limit) {
                        return true;
                    }
                    position = new StreamPosition(position.epoch(), recorded.number(), sent + 1);
                    messages.add(new Message(position, changes.get(sent)));
                }
                position = new StreamPosition(position.epoch(), recorded.number() + 1, 0);
            }
            return false;
        }

        @Override
        public StreamPosition position() {
            return position;
        }

        @Override
        public Runnable listen(Runnable listener) {
            return feed.listen(listener);
        }
    }
}
