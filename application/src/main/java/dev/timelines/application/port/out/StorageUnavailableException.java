package dev.timelines.application.port.out;

import dev.timelines.domain.DomainException;

/** Storage cannot take writes now (a disk error made it read-only, say); nothing of the request was stored. */
public final class StorageUnavailableException extends DomainException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
