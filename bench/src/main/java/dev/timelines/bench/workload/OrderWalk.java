package dev.timelines.bench.workload;

import java.util.SplittableRandom;

/**
 * One order's walk through its statuses: created → paid → packed → shipped → delivered, where each step before
 * delivery may first be put on hold and resumed, an order may be cancelled before it ships or while on hold,
 * and a delivered order may be returned. The holds are spread so that the walk uses about the status changes it
 * is given: long timelines hold often, short ones rarely.
 */
final class OrderWalk {

    private static final double CANCEL = 0.001;
    private static final double CANCEL_WHILE_HELD = 0.002;
    private static final double RETURN = 0.15;

    private Status current = Status.CREATED;
    private Status heldFrom;
    private boolean ended;

    Status current() {
        return current;
    }

    /**
     * Moves to the next status and returns it, given how many changes the timeline has left (this one
     * included); once the walk has ended it stays where it is.
     */
    Status step(SplittableRandom random, int changesLeft) {
        if (!ended) {
            current = following(random, changesLeft);
        }
        return current;
    }

    private Status following(SplittableRandom random, int changesLeft) {
        double roll = random.nextDouble();
        switch (current) {
            case ON_HOLD:
                return roll < CANCEL_WHILE_HELD ? end(Status.CANCELLED) : heldFrom;
            case DELIVERED:
                return end(roll < RETURN ? Status.RETURNED : Status.DELIVERED);
            case CREATED:
            case PAID:
            case PACKED:
            case SHIPPED:
                if (roll < CANCEL && current != Status.SHIPPED) {
                    return end(Status.CANCELLED);
                }
                // Holds (two changes each: on_hold and back) that fit in what remains are spread over the steps
                // before delivery; delivery itself comes last, so that few changes are left after it.
                int advances = Status.DELIVERED.ordinal() - current.ordinal();
                int holds = Math.max(0, (changesLeft - advances) / 2);
                if (random.nextDouble() * (advances - 1 + holds) >= advances - 1 && holds > 0) {
                    heldFrom = current;
                    return Status.ON_HOLD;
                }
                return Status.values()[current.ordinal() + 1];
            default:
                return end(current);
        }
    }

    private Status end(Status last) {
        ended = true;
        return last;
    }
}
