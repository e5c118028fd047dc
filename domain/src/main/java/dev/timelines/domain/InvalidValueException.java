package dev.timelines.domain;

/** A value given from outside breaks a rule of SPEC section 2 (a key, a timestamp, an attribute...). */
public final class InvalidValueException extends DomainException {

    public InvalidValueException(String message) {
        super(message);
    }
}
