package dev.timelines.adapters.out.journal;

/**
 * A frame up to which the visitor of a replay can be brought by other means (a snapshot), so that recovery
 * replays only the frames after it, if it finds that frame in the log.
 */
interface ReplayStart {

    /** The last frame the other means cover. */
    FrameId frame();

    /** Recovery found the frame and resumes right after it: bring the visitor up to it now. */
    void accepted();

    /** Recovery replays the whole log instead, for this reason. */
    void rejected(String reason);
}
