package dev.timelines.bench;

import dev.timelines.bench.engines.Engine;
import dev.timelines.bench.engines.TimelinesOverHttp;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Span;
import dev.timelines.bench.workload.Dataset;
import dev.timelines.bootstrap.HeadlessChromium;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page at scale (issue 14): loads the packaged service as the HTTP engine does, then shows the process map
 * of the benchmark's day (question 4) in headless Chromium, and times it from the click on Show to the frame after
 * the graph is in the page; beside it, the same {@code /transitions/summary} asked over HTTP alone, so that the
 * browser's own share shows. Takes the benchmark's options ({@code --scale}, {@code --warmups},
 * {@code --repetitions}, the service's); it runs only the HTTP engine, loaded once.
 *
 * <pre>java -Xmx8g -cp bench/target/timelines-bench.jar dev.timelines.bench.WebPageMain --scale large</pre>
 */
public final class WebPageMain {

    /**
     * Clicks Show and answers, through Selenium's async script callback, the milliseconds until the first change of
     * {@code #map-graph} that holds edges (the page replaces the graph in one go), then a frame and a task later, so
     * that layout and paint of the new SVG count too; the milliseconds from the click to the last byte of the
     * page's {@code /transitions/summary} (the browser's resource timing), the rest being the page's own work: the
     * JSON, dagre's layout, the SVG and the table; and the number of edges drawn.
     */
    private static final String SHOW_AND_TIME = """
            const done = arguments[arguments.length - 1];
            const graph = document.getElementById('map-graph');
            performance.clearResourceTimings();
            const started = performance.now();
            const observer = new MutationObserver(() => {
              const edges = graph.querySelectorAll('g.edge').length;
              if (edges > 0) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => {
                  const drawn = performance.now() - started;
                  const fetched = performance.getEntriesByType('resource')
                    .filter(entry => entry.name.includes('/transitions/summary')).pop();
                  done([drawn, edges, fetched.responseEnd - started]);
                }));
              }
            });
            observer.observe(graph, { childList: true, subtree: true });
            document.querySelector('#map-form button[type=submit]').click();
            """;

    private WebPageMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--engines", "timelines-http"));
        Options options = Options.parse(all.toArray(String[]::new));
        String loadBefore = Machine.loadAverage();
        Dataset dataset = Benchmark.generate(options);
        Parameters parameters = Parameters.of(dataset);
        EngineCatalogue.Slot slot = EngineCatalogue.of(options, dataset, parameters.asOfRows()).slots().stream()
                .filter(candidate -> candidate.option().equals("timelines-http")).findFirst().orElseThrow();
        if (slot.skipped().isPresent()) {
            throw new IllegalStateException("the HTTP engine cannot run: " + slot.skipped().get());
        }
        try (Engine engine = slot.factory().orElseThrow().create()) {
            progress("loading the service");
            Figures figures = new Figures();
            engine.load(dataset, parameters.asOfRows(), figures.recorder(slot.name()));
            TimelinesOverHttp service = (TimelinesOverHttp) engine;
            Span day = parameters.day();
            int warmups = options.schedule().warmups();
            int repetitions = options.schedule().repetitions();
            progress("load done (load average %s); timing /transitions/summary over HTTP", Machine.loadAverage());
            int rows = service.processMap(day).lines().size();
            double[] api = new double[repetitions];
            for (int run = -warmups; run < repetitions; run++) {
                long started = System.nanoTime();
                Answer answer = service.processMap(day);
                if (run >= 0) {
                    api[run] = (System.nanoTime() - started) / 1e6;
                }
                check(answer.lines().size() == rows, "the API's map changed between runs");
            }
            progress("timing the map in Chromium");
            double[][] page = inBrowser(service, day, rows, warmups, repetitions);
            String report = report(options, args, dataset, day, rows, warmups, api, page, loadBefore);
            System.out.println(report);
            Files.writeString(options.workDir().resolve("webpage-" + options.scale().label() + ".md"), report);
        }
    }

    /** Per measured run: click to graph drawn, and click to the summary's last byte. */
    private static double[][] inBrowser(TimelinesOverHttp service, Span day, int rows, int warmups, int repetitions) {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(service.uri("/").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.findElement(By.linkText("Process map")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#map-attribute option[value='" + Parameters.ATTRIBUTE + "']")));
            // Tried again while stale: the list may be filled again meanwhile, as WebPageIT found.
            wait.until(ExpectedConditions.refreshed(driver -> {
                new Select(driver.findElement(By.id("map-attribute"))).selectByValue(Parameters.ATTRIBUTE);
                return true;
            }));
            browser.findElement(By.cssSelector("label[for='map-window-custom']")).click();
            browser.findElement(By.id("map-window-since")).sendKeys(Span.seconds(day.sinceMicros()));
            browser.findElement(By.id("map-window-until")).sendKeys(Span.seconds(day.untilMicros()));
            JavascriptExecutor script = (JavascriptExecutor) browser;
            double[][] millis = new double[2][repetitions];
            for (int run = -warmups; run < repetitions; run++) {
                List<?> timed = (List<?>) script.executeAsyncScript(SHOW_AND_TIME);
                long edges = ((Number) timed.get(1)).longValue();
                // Every pair and every value's entries is one edge: the whole answer was drawn.
                check(edges == rows, "the page drew " + edges + " edges for " + rows + " pairs and entries");
                if (run >= 0) {
                    millis[0][run] = ((Number) timed.get(0)).doubleValue();
                    millis[1][run] = ((Number) timed.get(2)).doubleValue();
                }
            }
            return millis;
        } finally {
            browser.quit();
        }
    }

    private static String report(Options options, String[] args, Dataset dataset, Span day, int rows, int warmups, double[] api,
            double[][] page, String loadBefore) {
        return String.format("""
                Scale %s (%,d events, %,d timelines), map of `%s` over [%s, %s): %d edges (pairs and entries).
                %d warm-up runs, then %d measured; load average %s before the run, %s after it; %s.

                | | median | p90 | max |
                |---|---:|---:|---:|
                | `/transitions/summary` over HTTP (bench client, JSON parsed) | %s | %s | %s |
                | in the browser: click on Show to the frame after the graph | %s | %s | %s |
                | of which click to the summary's last byte (resource timing) | %s | %s | %s |
                | of which the page's own work (JSON, dagre layout, SVG, table, frame) | %s | %s | %s |

                command: `java %s -cp bench/target/timelines-bench.jar dev.timelines.bench.WebPageMain %s`
                """, options.scale().label(), dataset.events(), dataset.timelines(), Parameters.ATTRIBUTE,
                Span.seconds(day.sinceMicros()), Span.seconds(day.untilMicros()), rows, warmups, api.length,
                loadBefore, Machine.loadAverage(), Instant.now(), ms(api, 50), ms(api, 90), ms(api, 100),
                ms(page[0], 50), ms(page[0], 90), ms(page[0], 100),
                ms(page[1], 50), ms(page[1], 90), ms(page[1], 100), ms(rest(page), 50), ms(rest(page), 90),
                ms(rest(page), 100), Machine.current().jvmOptions(), String.join(" ", args));
    }

    /** Per run, the time after the summary had arrived. */
    private static double[] rest(double[][] page) {
        double[] rest = new double[page[0].length];
        Arrays.setAll(rest, run -> page[0][run] - page[1][run]);
        return rest;
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static String ms(double[] samples, int percentile) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return String.format("%.0f ms", sorted[Math.max(rank, 1) - 1]);
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalStateException(otherwise);
        }
    }

    private static void progress(String format, Object... arguments) {
        System.err.printf("[webpage %tT] %s%n", System.currentTimeMillis(), String.format(format, arguments));
    }
}
