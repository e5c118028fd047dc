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
 * order, and equal timestamps get the same relative seq as in every other engine. Every sender's bodies end at
 * the cut line too: {@code beforeCut} of them hold the lines before it, so that once every sender has had those
 * acknowledged, the store holds exactly the file's first {@code cut} lines.
 */
public record NdjsonBatches(List<List<byte[]>> bySender, List<Integer> beforeCut) {

    public static NdjsonBatches split(Path file, int senders, int batchSize, long cut) throws IOException {
        List<List<byte[]>> bodies = new ArrayList<>();
        List<ByteArrayOutputStream> open = new ArrayList<>();
        List<Integer> beforeCut = new ArrayList<>();
        int[] lines = new int[senders];
        for (int s = 0; s < senders; s++) {
            bodies.add(new ArrayList<>());
            open.add(new ByteArrayOutputStream());
        }
        long read = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (read++ == cut) {
                    close(bodies, open, lines);
                    bodies.forEach(sender -> beforeCut.add(sender.size()));
                }
                int sender = Math.floorMod(NdjsonEvents.timelineOf(line).hashCode(), senders);
                open.get(sender).writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (++lines[sender] % batchSize == 0) {
                    bodies.get(sender).add(open.get(sender).toByteArray());
                    open.get(sender).reset();
                }
            }
        }
        close(bodies, open, lines);
        if (beforeCut.isEmpty()) {
            bodies.forEach(sender -> beforeCut.add(sender.size()));
        }
        return new NdjsonBatches(bodies, beforeCut);
    }

    /** Ends every sender's open body, and starts its batch count anew. */
    private static void close(List<List<byte[]>> bodies, List<ByteArrayOutputStream> open, int[] lines) {
        for (int s = 0; s < bodies.size(); s++) {
            if (open.get(s).size() > 0) {
                bodies.get(s).add(open.get(s).toByteArray());
                open.get(s).reset();
            }
            lines[s] = 0;
        }
    }
}
