package dev.timelines.domain;

import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Funnel#chain} against every chain enumerated by brute force. */
class FunnelPropertiesTest {

    private static final Arbitrary<String> VALUE = Arbitraries.of("a", "b", "c");

    @Property(tries = 3000)
    void theChainIsTheLongestThenLexicographicallyEarliestOfAllChains(@ForAll("entries") List<Stay> entries,
            @ForAll("funnels") Funnel funnel) {
        List<Long> expected = oracle(entries, funnel).stream().map(i -> entries.get(i).seq()).toList();

        assertEquals(expected, funnel.chain(entries).stream().map(Stay::seq).toList());
    }

    /** Positions of the best chain: of every chain, the longest, of those the earliest position by position. */
    private static List<Integer> oracle(List<Stay> entries, Funnel funnel) {
        List<List<Integer>> chains = new ArrayList<>();
        extend(entries, funnel, new ArrayList<>(), chains);
        List<Integer> best = List.of();
        for (List<Integer> chain : chains) {
            if (chain.size() > best.size() || chain.size() == best.size() && earlier(chain, best)) {
                best = chain;
            }
        }
        return best;
    }

    /** Adds {@code chain} and every chain extending it by the next step's entries. */
    private static void extend(List<Stay> entries, Funnel funnel, List<Integer> chain, List<List<Integer>> all) {
        if (!chain.isEmpty()) {
            all.add(List.copyOf(chain));
        }
        if (chain.size() == funnel.steps().size()) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Stay entry = entries.get(i);
            boolean matches = entry.value().equals(funnel.steps().get(chain.size()));
            boolean after = chain.isEmpty() || later(entry, entries.get(chain.get(chain.size() - 1)));
            boolean inTime = chain.isEmpty() || funnel.withinMicros().map(within ->
                    entry.since().micros() - entries.get(chain.get(0)).since().micros() <= within).orElse(true);
            if (matches && after && inTime) {
                chain.add(i);
                extend(entries, funnel, chain, all);
                chain.remove(chain.size() - 1);
            }
        }
    }

    private static boolean later(Stay entry, Stay than) {
        int order = entry.since().compareTo(than.since());
        return order > 0 || order == 0 && entry.seq() > than.seq();
    }

    private static boolean earlier(List<Integer> chain, List<Integer> than) {
        for (int i = 0; i < chain.size(); i++) {
            if (!chain.get(i).equals(than.get(i))) {
                return chain.get(i) < than.get(i);
            }
        }
        return false;
    }

    /** 0 to 12 entries in (timestamp, seq) order, gaps of 0 to 3 seconds so that timestamps often repeat. */
    @Provide
    Arbitrary<List<Stay>> entries() {
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 3);
        return Combinators.combine(VALUE, gap).as(Gap::new).list().ofMaxSize(12).map(gaps -> {
            List<Stay> entries = new ArrayList<>();
            long t = 0;
            for (Gap g : gaps) {
                t += g.seconds();
                entries.add(new Stay(KEY, str(g.value()), seconds(t), entries.size() + 1, Optional.empty(),
                        Optional.empty()));
            }
            return entries;
        });
    }

    record Gap(String value, long seconds) {
    }

    /** 2 to 4 steps over a, b, c (repeats included), within 0 to 10 seconds or none. */
    @Provide
    Arbitrary<Funnel> funnels() {
        Arbitrary<Optional<Long>> within = Arbitraries.longs().between(0, 10).map(s -> s * Timestamp.MICROS_PER_SECOND)
                .optional();
        return Combinators.combine(VALUE.list().ofMinSize(2).ofMaxSize(4), within)
                .as((steps, w) -> new Funnel(steps.stream().map(Json::str).toList(), w));
    }
}
