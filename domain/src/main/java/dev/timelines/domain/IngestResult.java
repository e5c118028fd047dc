package dev.timelines.domain;

/** What an ingest request did: events newly stored, and events skipped as repeats of a known id. */
public record IngestResult(int accepted, int duplicates) {

    public static final IngestResult NOTHING = new IngestResult(0, 0);

    public IngestResult plus(IngestResult other) {
        return new IngestResult(accepted + other.accepted, duplicates + other.duplicates);
    }
}
