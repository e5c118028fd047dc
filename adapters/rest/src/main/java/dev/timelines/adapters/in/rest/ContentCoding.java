package dev.timelines.adapters.in.rest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The content coding of an ingest body ({@code Content-Encoding}): none ({@code identity}) or {@code gzip}. A gzip
 * body is inflated here, as the body is read, a buffer at a time: nothing is inflated ahead of what the readers
 * ask for, so that {@code timelines.limits.body-size}, counted on what this yields, bounds the inflated size and
 * a gzip bomb costs no more than any body at the limit.
 */
final class ContentCoding {

    /** What a 415 lists as acceptable: RFC 9110, 12.5.3. */
    static final String ACCEPTED = "gzip, identity";

    private static final int INFLATE_BUFFER = 8192;

    private ContentCoding() {
    }

    /**
     * The body as the client meant it.
     *
     * @throws UnsupportedContentCodingException for any coding other than gzip (or its alias x-gzip) and identity
     * @throws UnreadableBodyException when a gzip body does not start with a gzip header
     */
    static InputStream decoded(InputStream body, String contentEncoding) throws IOException {
        String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> gunzipped(body);
            default -> throw new UnsupportedContentCodingException(contentEncoding.trim());
        };
    }

    private static InputStream gunzipped(InputStream body) throws IOException {
        try {
            return new Gunzipped(new GZIPInputStream(body, INFLATE_BUFFER));
        } catch (ZipException | EOFException e) {
            throw UnreadableBodyException.notGzip(e);
        }
    }

    /** Turns what the inflater says of a damaged stream into a client error; other I/O failures pass unchanged. */
    private static final class Gunzipped extends FilterInputStream {

        Gunzipped(GZIPInputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException | EOFException e) {
                throw UnreadableBodyException.notGzip(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw UnreadableBodyException.notGzip(e);
            }
        }
    }
}
