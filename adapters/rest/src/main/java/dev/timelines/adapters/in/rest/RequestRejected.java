package dev.timelines.adapters.in.rest;

/**
 * Announced (as a CDI event) for every request answered with a problem, so that operations can count refusals by
 * reason without this adapter knowing about metrics.
 *
 * @param reason the problem's kind: the last segment of its type URI, such as {@code body-too-large}
 * @param status the HTTP status sent
 */
public record RequestRejected(String reason, int status) {
}
