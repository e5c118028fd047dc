package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.WARNING;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Attribute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes the memory engine had indexes for when the journal was closed, in the file {@code indexes}
 * beside the segments, so that a start builds them before the store is ready (docs/operations.md, Start) and the
 * first question after a restart does not pay for one. Only a clean close writes it: after a crash the indexes
 * are built on the first question, as they always can be. Losing the file loses nothing but that head start, so
 * it is written without the journal's file layer and its fsyncs: it is not part of what the journal keeps.
 */
final class IndexedAttributes {

    private static final System.Logger LOG = System.getLogger(IndexedAttributes.class.getName());
    private static final String NAME = "indexes";
    private static final String TEMPORARY = "indexes.tmp";

    private final Path dir;

    IndexedAttributes(Path dir) {
        this.dir = dir;
    }

    /** Builds in {@code memory} the indexes written at the last clean close; warns if the file is unreadable. */
    void prepare(InMemoryEventStore memory) {
        try {
            memory.prepareIndexes(read());
        } catch (IOException | RuntimeException e) {
            LOG.log(WARNING, "the indexes of the last run are not built at start (" + dir.resolve(NAME)
                    + " is unreadable: " + e + "); each is built on the first question about its attribute");
        }
    }

    /** Writes the attributes {@code memory} has indexes for; warns if it cannot, a start then builds none. */
    void remember(InMemoryEventStore memory) {
        try {
            write(memory.indexedAttributes());
        } catch (IOException e) {
            LOG.log(WARNING, "cannot write " + dir.resolve(NAME) + " (" + e + "): the next start builds no index");
        }
    }

    private List<Attribute> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(NAME));
        } catch (NoSuchFileException neverWritten) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            List<Attribute> attributes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                attributes.add(new Attribute(in.readUTF()));
            }
            return attributes;
        }
    }

    private void write(List<Attribute> attributes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(attributes.size());
            for (Attribute attribute : attributes) {
                out.writeUTF(attribute.name());
            }
        }
        Path temporary = dir.resolve(TEMPORARY);
        Files.write(temporary, bytes.toByteArray());
        Files.move(temporary, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
