package dev.timelines.adapters.in.rest;

/** A {@code Content-Encoding} the service does not decode; only gzip and identity are taken. */
final class UnsupportedContentCodingException extends RuntimeException {

    UnsupportedContentCodingException(String coding) {
        super("Content-Encoding '" + coding + "' is not taken: send the body as " + ContentCoding.ACCEPTED);
    }
}
