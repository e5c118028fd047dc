package dev.timelines.bench.engines;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The NDJSON file cut into request bodies for concurrent senders, prepared before the clock starts. Each timeline
 * belongs to one sender, which sends its lines in file order: so every timeline's events arrive in the file's
 * order, and equal timestamps get the same relative seq as in every other engine.
 */
public record NdjsonBatches(List<List<byte[]>> bySender) {

    public static NdjsonBatches split(Path file, int senders, int batchSize) throws IOException {
        List<List<byte[]>> bodies = new ArrayList<>();
        List<ByteArrayOutputStream> open = new ArrayList<>();
        int[] lines = new int[senders];
        for (int s = 0; s < senders; s++) {
            bodies.add(new ArrayList<>());
            open.add(new ByteArrayOutputStream());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int sender = Math.floorMod(NdjsonEvents.timelineOf(line).hashCode(), senders);
                open.get(sender).writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (++lines[sender] % batchSize == 0) {
                    bodies.get(sender).add(open.get(sender).toByteArray());
                    open.get(sender).reset();
                }
            }
        }
        for (int s = 0; s < senders; s++) {
            if (open.get(s).size() > 0) {
                bodies.get(s).add(open.get(s).toByteArray());
            }
        }
        return new NdjsonBatches(bodies);
    }
}
