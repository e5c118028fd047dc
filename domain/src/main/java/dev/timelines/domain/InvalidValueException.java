package dev.timelines.domain;

/** A value given from outside breaks a rule of docs/semantics.md (a key, a timestamp, an attribute...). */
public final class InvalidValueException extends DomainException {

    public InvalidValueException(String message) {
        super(message);
    }
}
