package dev.timelines.adapters.out.journal;

/** The journal could not do what was asked; nothing the failed call tried to append was acknowledged. */
public class JournalException extends RuntimeException {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
