package dev.timelines.adapters.out.memory;

/**
 * Tells the first sighting of each timeline within a group (a run of transitions, the stays in one value), group
 * after group, with one array of marks indexed by timeline id: no set and no sort per group. Not thread-safe.
 */
final class TimelineMarks {

    private final int[] marks;
    private int group = 1;

    TimelineMarks(int timelineSlots) {
        marks = new int[timelineSlots];
    }

    /** Starts the next group: every timeline is unseen again. */
    void nextGroup() {
        group++;
    }

    /** Whether the timeline is seen for the first time in the current group; marks it seen. */
    boolean firstSighting(int timeline) {
        if (marks[timeline] == group) {
            return false;
        }
        marks[timeline] = group;
        return true;
    }
}
