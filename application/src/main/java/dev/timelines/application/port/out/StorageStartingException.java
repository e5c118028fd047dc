package dev.timelines.application.port.out;

import dev.timelines.domain.DomainException;

/**
 * Storage is still being opened at start (a journal replayed into memory, a PostgreSQL schema migrated): nothing of
 * the request was read or stored. It will be served once storage is open, which readiness reports.
 */
public final class StorageStartingException extends DomainException {

    public StorageStartingException(String message) {
        super(message);
    }
}
