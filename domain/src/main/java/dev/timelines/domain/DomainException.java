package dev.timelines.domain;

/** Base of the unchecked exceptions the domain throws; adapters map each kind to one response. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
