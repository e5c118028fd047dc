package dev.timelines.application.port.out;

/** The store no longer keeps the history asked for: it lies below {@link StoreHistory#horizon()}. */
public final class HistoryGoneException extends RuntimeException {

    public HistoryGoneException(String message) {
        super(message);
    }
}
