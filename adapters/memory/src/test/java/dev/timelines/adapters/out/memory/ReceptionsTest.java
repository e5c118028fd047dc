package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every seq reads back the time it was recorded with, whatever the order of recording. */
class ReceptionsTest {

    @Property(tries = 300)
    void everySeqKeepsItsReceptionTime(@ForAll @IntRange(min = 1, max = 60) int count, @ForAll Random random,
            @ForAll boolean shuffled) {
        Map<Long, Long> model = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        long time = 0;
        for (long seq = 1; seq <= count; seq++) {
            if (random.nextInt(4) == 0) {
                time = random.nextInt(5);
            }
            model.put(seq, time);
            seqs.add(seq);
        }
        if (shuffled) {
            Collections.shuffle(seqs, random);
        }
        Receptions receptions = new Receptions();
        for (long seq : seqs) {
            receptions.record(seq, model.get(seq));
        }
        model.forEach((seq, received) -> assertEquals(received, receptions.receivedAt(seq), "seq " + seq));
    }
}
