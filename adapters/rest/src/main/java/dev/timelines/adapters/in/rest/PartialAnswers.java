package dev.timelines.adapters.in.rest;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the client of this request takes a partial answer ({@code partial=true}, docs/api.md): on a cluster, an
 * answer merged from the partitions whose owners answered in time, marked by the reply header {@value #MISSING}
 * naming the partitions it lacks. Without it such an answer is a 503 naming them. Read from the query of every GET
 * by {@link PartialAnswersFilter}.
 */
@RequestScoped
public class PartialAnswers {

    /** The query parameter. */
    public static final String PARAMETER = "partial";
    /** The reply header naming the partitions a partial answer lacks: {@code 1,3}. */
    public static final String MISSING = "Timelines-Missing-Partitions";

    private boolean allowed;

    public boolean allowed() {
        return allowed;
    }

    void allow(boolean allowed) {
        this.allowed = allowed;
    }
}
