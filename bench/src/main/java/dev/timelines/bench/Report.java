package dev.timelines.bench;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.engines.PostgresServer;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.measure.Schedule;
import dev.timelines.bench.measure.Stats;
import dev.timelines.bench.measure.Timed;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Question;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The markdown of one run: the setting, the question times with ratios, the load figures, and the checksums. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    private Report() {
    }

    /** Everything the run measured, in the form docs/benchmarks.md shows it. */
    record Run(Options options, Dataset dataset, Parameters parameters, Machine machine, String duckDbVersion,
            Optional<PostgresServer> postgres, String loadBefore, List<EngineCatalogue.Slot> slots,
            Map<Question, Map<String, Timed>> results, Map<Figures.Figure, Stats> figures, Agreement agreement,
            Instant finished) {
    }

    static String of(Run run) {
        Report report = new Report();
        report.setting(run);
        report.questions(run);
        report.figures(run);
        report.answers(run);
        return report.text.toString();
    }

    private void setting(Run run) {
        Options options = run.options();
        Dataset data = run.dataset();
        Machine machine = run.machine();
        line("### Scale `%s`: %,d events, %,d timelines", options.scale().label(), data.events(), data.timelines());
        line("");
        line("Measured %s on %d cores (%s), %s of memory, %s, %s, DuckDB %s; load average %s at the start, "
                + "%s at the end.", run.finished().truncatedTo(ChronoUnit.SECONDS), machine.cores(), machine.cpu(),
                machine.memory(), machine.jdk(), machine.os(), run.duckDbVersion(), run.loadBefore(),
                Machine.loadAverage());
        run.postgres().ifPresent(server -> line("PostgreSQL %s, embedded, one server for the run with a database per "
                + "load, started with %s (durability off: a benchmark's data is thrown away).", server.version(),
                server.settings()));
        line("");
        line("```");
        line("java %s -jar bench/target/timelines-bench.jar %s", machine.jvmOptions(),
                String.join(" ", options.arguments()));
        line("```");
        line("");
        line("Data (seed %d, SHA-256 `%s`): %.1f%% of events without `status`, %.1f%% repeating the current status, "
                + "%.1f%% arriving after a later event of their timeline, %.1f%% stamped like their predecessor, "
                + "%.1f%% carrying `%s`. Questions about `%s` at T = %s, 10-minute window from T, day window [%s, %s); "
                + "`asOf` the moment the first %,d lines (%.1f%%, those before the first line stamped at or after T) "
                + "were acknowledged.",
                options.seed(), data.sha256().substring(0, 16), percent(data.withoutStatus(), data.events()),
                percent(data.repeats(), data.events()), percent(data.late(), data.events()),
                percent(data.ties(), data.events()), percent(data.priorities(), data.events()),
                Parameters.CONDITION_ATTRIBUTE, Parameters.ATTRIBUTE,
                Instant.ofEpochSecond(run.parameters().atMicros() / 1_000_000),
                Instant.ofEpochSecond(run.parameters().day().sinceMicros() / 1_000_000),
                Instant.ofEpochSecond(run.parameters().day().untilMicros() / 1_000_000),
                run.parameters().asOfRows(), percent(run.parameters().asOfRows(), data.events()));
        line("");
        run.slots().stream().filter(slot -> slot.skipped().isPresent())
                .forEach(slot -> line("- %s: %s", slot.name(), slot.skipped().get()));
        line("");
    }

    private void questions(Run run) {
        List<EngineCatalogue.Slot> ran = run.slots().stream().filter(slot -> slot.skipped().isEmpty()).toList();
        List<EngineCatalogue.Slot> ours = ran.stream().filter(EngineCatalogue.Slot::timelines).toList();
        List<EngineCatalogue.Slot> peers = ran.stream().filter(slot -> !slot.timelines()).toList();
        Schedule schedule = run.options().schedule();
        line("Milliseconds per question, median (min–max) of %d measured runs, after warm-up runs until at least %d "
                + "runs and %d s had passed; no run started after %d s on a question once it had one warm-up and one "
                + "measured run, and a median of fewer runs says how many (n).", schedule.repetitions(),
                schedule.warmups(), schedule.warmup().toSeconds(), schedule.budget().toSeconds());
        line("");
        List<String> headings = new ArrayList<>(List.of("rows"));
        List<Function<Map<String, Timed>, String>> cells = new ArrayList<>(List.of(Report::rows));
        ran.forEach(slot -> {
            headings.add(slot.name());
            cells.add(byEngine -> cell(byEngine.get(slot.name()), schedule.repetitions()));
        });
        table(run, headings, cells);
        line("A ratio is Timelines' median ÷ the peer's: below 1 Timelines is faster.");
        line("");
        List<String> pairs = new ArrayList<>();
        List<Function<Map<String, Timed>, String>> ratios = new ArrayList<>();
        ours.forEach(us -> peers.forEach(peer -> {
            pairs.add(us.name().replace("Timelines ", "") + " ÷ " + peer.name());
            ratios.add(byEngine -> ratio(byEngine.get(us.name()), byEngine.get(peer.name())));
        }));
        table(run, pairs, ratios);
    }

    /** A table with a row per question and a column per heading, filled by the cell function of the column. */
    private void table(Run run, List<String> headings, List<Function<Map<String, Timed>, String>> cells) {
        line("| question |" + headings.stream().map(heading -> " " + heading + " |").collect(Collectors.joining()));
        line("|---|" + "---:|".repeat(headings.size()));
        run.results().forEach((question, byEngine) -> line("| " + question.title() + " |"
                + cells.stream().map(cell -> " " + cell.apply(byEngine) + " |").collect(Collectors.joining())));
        line("");
    }

    private void figures(Run run) {
        int loads = run.options().loadRepetitions();
        line("Loading, memory, disk and restart: median (min–max) over %d load%s, each into a fresh engine.", loads,
                loads == 1 ? "" : "s");
        line("");
        line("| engine | figure | median | min | max |");
        line("|---|---|---:|---:|---:|");
        run.figures().forEach((figure, stats) -> line("| %s | %s | %s | %s | %s |", figure.engine(), figure.name(),
                quantity(figure.unit(), stats.median()), quantity(figure.unit(), stats.min()),
                quantity(figure.unit(), stats.max())));
        line("");
    }

    private void answers(Run run) {
        line(run.agreement().holds()
                ? "Every engine that answered a question gave the same answer (SHA-256 of the canonical rows):"
                : "**The engines disagree**; the run failed:");
        line("");
        line("| question | checksum per engine |");
        line("|---|---|");
        run.results().forEach((question, byEngine) -> {
            StringBuilder checksums = new StringBuilder();
            byEngine.forEach((engine, timed) -> checksums.append(checksums.length() == 0 ? "" : ", ")
                    .append(engine).append(" `").append(timed.answer().checksum()).append('`'));
            line("| %s | %s |", question.title(), checksums);
        });
        run.agreement().disagreements().forEach(disagreement -> line("\n```\n%s\n```", disagreement));
        boolean unserved = run.results().values().stream().flatMap(byEngine -> byEngine.values().stream())
                .anyMatch(timed -> timed.answer().unavailable().isPresent());
        if (unserved) {
            line("");
            line("`n/a`: the packaged service answered 404 for the route, so this build does not serve it yet.");
        }
        line("");
    }

    private static String rows(Map<String, Timed> byEngine) {
        return byEngine.values().stream().filter(timed -> timed.answer().unavailable().isEmpty()).findFirst()
                .map(timed -> Integer.toString(timed.answer().lines().size())).orElse("–");
    }

    private static String cell(Timed timed, int repetitions) {
        if (timed == null) {
            return "–";
        }
        return timed.millis().map(ms -> number(ms.median()) + " (" + number(ms.min()) + "–" + number(ms.max())
                + (ms.samples() < repetitions ? ", n=" + ms.samples() : "") + ")").orElse("n/a");
    }

    private static String ratio(Timed ours, Timed peer) {
        Optional<Stats> us = ours == null ? Optional.empty() : ours.millis();
        Optional<Stats> them = peer == null ? Optional.empty() : peer.millis();
        return us.isPresent() && them.isPresent() ? number(us.get().median() / them.get().median()) : "–";
    }

    private static String quantity(Figures.Unit unit, double value) {
        return switch (unit) {
            case SECONDS -> number(value) + " s";
            case EVENTS_PER_SECOND -> String.format(Locale.ROOT, "%,.0f /s", value);
            case BYTES -> String.format(Locale.ROOT, "%,.1f MiB", value / (1 << 20));
            case BYTES_PER_EVENT -> String.format(Locale.ROOT, "%,.0f B", value);
        };
    }

    /** Three significant digits, never in exponent notation. */
    private static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        int decimals = value >= 10 ? 1 : value >= 1 ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(value)));
        return String.format(Locale.ROOT, "%." + Math.max(decimals, 0) + "f", value);
    }

    private static double percent(long part, long whole) {
        return 100.0 * part / whole;
    }

    private void line(String format, Object... arguments) {
        text.append(arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments)).append('\n');
    }
}
