package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page (SPEC 6.6) in Debian's headless Chromium, driven by Selenium, against the packaged service with
 * authentication on and the data of docs/api.md and README.md: what each view shows is checked against the answers
 * those documents give. One service and one browser for all tests; each test starts from a fresh page load.
 * The screenshots in docs/images/ come from here ({@code target/screenshots}).
 */
class WebPageIT {

    private static final String KEY = "web-page-test-key";
    /** The window of docs/api.md's orders: [1700000000, 1700086400). */
    private static final String SINCE = "1700000000";
    private static final String UNTIL = "1700086400";

    @TempDir
    static Path dir;

    private static ServiceProcess service;
    private static WebDriver browser;

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        service = ServiceProcess.start(jar, dir.resolve("data"), dir.resolve("service.log"), Duration.ofSeconds(60),
                "-Xmx256m", "-Dtimelines.auth.enabled=true", "-Dtimelines.auth.keys=" + KEY + "=write");
        ingest(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/web/orders.ndjson")));
        ingest(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/web/seed.ndjson")));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    /** Every test starts signed in (the key kept for the browser session) on a freshly loaded page. */
    @BeforeEach
    void signedIn() {
        browser.get(service.uri("/").toString());
        js("sessionStorage.setItem('timelines.token', arguments[0])", KEY);
        reload();
    }

    @Test
    void theProcessMapShowsTheValuesAndTheCountsOfEachPair() throws IOException {
        showOrdersMap();

        assertEquals(List.of("cancelled", "created", "on_hold", "paid", "shipped", "start"),
                all("#map-graph g.node").stream().map(node -> node.getAttribute("data-value")).sorted().toList());
        assertEquals(Map.of("start→created", "3", "created→paid", "2", "paid→on_hold", "2", "created→cancelled", "1",
                "on_hold→paid", "1", "on_hold→shipped", "1", "paid→shipped", "1"), edgeCounts());
        assertEquals("2 · 1m", edge("created", "paid").findElement(By.cssSelector("text.label")).getText(),
                "count and median duration (60 s)");
        assertEquals(Map.of("created", "3", "paid", "3", "on_hold", "2", "shipped", "2", "cancelled", "1"),
                all("#map-graph g.node:not(.start)").stream().collect(Collectors.toMap(
                        node -> node.getAttribute("data-value"), node -> node.getAttribute("data-entries"))),
                "entries into each value, which size its node");
        assertTrue(width("created", "paid") > width("created", "cancelled"), "an edge is as thick as its count");
        screenshot("process-map.png");
    }

    @Test
    void clickingAnEdgeListsExactlyItsTransitionsAndATimelineOpensTheInspector() {
        showOrdersMap();

        edge("paid", "on_hold").findElement(By.cssSelector("text.label")).click();

        await(ExpectedConditions.visibilityOfElementLocated(By.id("edge")));
        assertEquals("paid → on_hold", browser.findElement(By.id("edge-title")).getText());
        assertEquals(List.of(
                        List.of("order-1", "2023-11-14T22:15:00Z", "paid", "on_hold", "40s"),
                        List.of("order-2", "2023-11-14T22:15:30Z", "paid", "on_hold", "40s")),
                rows("#edge-transitions"));

        browser.findElement(By.linkText("order-1")).click();
        await(ExpectedConditions.textToBe(By.id("inspect-title"), "order-1"));
    }

    @Test
    void anEdgeIsReachedWithTabAndOpenedWithEnter() {
        showOrdersMap();
        browser.findElement(By.id("map-where")).click();

        new Actions(browser).sendKeys(Keys.TAB, Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("edge", focused.getAttribute("class").split(" ")[0], "after the Show button, the first edge");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        await(ExpectedConditions.visibilityOfElementLocated(By.id("edge")));
        assertEquals(focused.getAttribute("data-from") + " → " + focused.getAttribute("data-to"),
                browser.findElement(By.id("edge-title")).getText());
        assertEquals(focused.getAttribute("data-count"), String.valueOf(rows("#edge-transitions").size()));
    }

    @Test
    void theInspectorShowsTheSeedTimelinesFourPointsItsEventsAndItsState() throws IOException {
        browser.findElement(By.linkText("Timeline inspector")).click();
        type("inspect-prefix", "t");
        browser.findElement(By.cssSelector("#inspect-search button")).click();
        await(ExpectedConditions.elementToBeClickable(By.linkText("t"))).click();

        await(ExpectedConditions.textToBe(By.id("inspect-title"), "t"));
        WebElement lane = browser.findElement(By.cssSelector("#inspect-lanes g.lane[data-attribute='key']"));
        assertEquals(4, lane.findElements(By.cssSelector("circle.point")).size(), "one point per event");
        assertEquals(List.of("start", "wait", "end"),
                lane.findElements(By.cssSelector("text.value")).stream().map(WebElement::getText).toList());
        assertEquals(List.of("2023-04-08T09:26:27Z", "2023-04-08T09:26:29Z", "2023-04-08T09:26:50Z",
                        "2023-04-08T09:26:55Z"),
                rows("#inspect-events").stream().map(row -> row.get(0)).toList());

        type("inspect-at", "1680946000");
        browser.findElement(By.cssSelector("#inspect-state button")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inspect-states tbody tr")));
        assertEquals(List.of(List.of("key", "wait", "2023-04-08T09:26:29Z")), rows("#inspect-states"));
        screenshot("inspector.png");
    }

    @Test
    void stuckTimelinesAndStateAgesShowTheDocumentedNumbers() {
        browser.findElement(By.linkText("Stuck & ages")).click();
        choose("ages-attribute", "status");
        type("ages-at", "1700000150");
        browser.findElement(By.cssSelector("#ages-form button")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ages tbody tr")));
        assertEquals(List.of(
                        List.of("on_hold", "2", "20s", "20s", "50s", "50s", "50s"),
                        List.of("created", "1", "2m 10s", "2m 10s", "2m 10s", "2m 10s", "2m 10s")),
                rows("#ages"));

        type("stuck-value", "on_hold");
        type("stuck-longer", "30s");
        browser.findElement(By.cssSelector("#stuck-form button")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stuck tbody tr")));
        assertEquals(List.of(List.of("order-1", "on_hold", "2023-11-14T22:15:00Z", "50s")), rows("#stuck"));
    }

    @Test
    void aFunnelShowsTimelinesConversionAndDurationsPerStep() {
        browser.findElement(By.linkText("Funnels")).click();
        choose("funnel-attribute", "status");
        for (String step : List.of("created", "paid", "shipped")) {
            await(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[@id='funnel-values']/button[text()='+ " + step + "']"))).click();
        }
        assertEquals("created\npaid\nshipped", browser.findElement(By.id("funnel-steps")).getAttribute("value"));
        customWindow("funnel-window");
        browser.findElement(By.cssSelector("#funnel-form button[type=submit]")).click();

        await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#funnel li.step"), 3));
        assertEquals(List.of(
                        "3 timelines",
                        "2 timelines · 66.7% of the step before · median 1m, p90 1m 20s",
                        "2 timelines · 100.0% of the step before · median 6m 50s, p90 59m"),
                all("#funnel .figures").stream().map(WebElement::getText).toList());
    }

    @Test
    void aRefusedQuestionShowsTheProblemTheApiGave() {
        browser.findElement(By.linkText("Funnels")).click();
        choose("funnel-attribute", "status");
        type("funnel-steps", "created");
        browser.findElement(By.cssSelector("#funnel-form button[type=submit]")).click();

        WebElement problem = await(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertTrue(problem.getText().startsWith("400 Bad Request: "), problem.getText());
        assertTrue(problem.getText().contains("step: "), "the parameter it names: " + problem.getText());
    }

    @Test
    void withoutAKeyThePageShowsThe401AndWorksOnceTheKeyIsEntered() {
        js("sessionStorage.clear()");
        reload();

        WebElement problem = await(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertTrue(problem.getText().startsWith("401 Unauthorized"), problem.getText());
        assertEquals("auth-key", browser.switchTo().activeElement().getAttribute("id"), "the key field has focus");

        type("auth-key", KEY);
        browser.findElement(By.cssSelector("#auth button[type=submit]")).click();

        await(ExpectedConditions.invisibilityOfElementLocated(By.id("problem")));
        showOrdersMap();
        assertEquals("3", edgeCounts().get("start→created"));
    }

    /**
     * The live view's reader of Server-Sent Events (SPEC 6.5), run in the browser on text cut where the network may
     * cut it: inside a field, between the two characters of a CRLF, around comments and multi-line data.
     */
    @Test
    void aTransitionIngestedThroughTheApiAppearsLiveInTheTickerAndTheMapWithinTwoSeconds() throws Exception {
        browser.findElement(By.linkText("Process map")).click();
        choose("map-attribute", "status");
        browser.findElement(By.cssSelector("label[for='map-window-day']")).click();
        browser.findElement(By.cssSelector("#map-form button[type=submit]")).click();
        await(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        String key = "live-" + System.nanoTime();
        long now = Instant.now().getEpochSecond();

        ingest(HttpRequest.BodyPublishers.ofString("""
                {"timeline": "%1$s", "timestamp": %2$d, "data": {"status": "created"}}
                {"timeline": "%1$s", "timestamp": %3$d, "data": {"status": "paid"}}
                """.formatted(key, now - 60, now - 30)));

        WebDriverWait twoSeconds = new WebDriverWait(browser, Duration.ofSeconds(2));
        twoSeconds.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-ticker"),
                key + " created → paid"));
        twoSeconds.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#map-graph g.edge[data-from='created'][data-to='paid'][data-count='1']")));
    }

    @Test
    void theLiveClientParsesServerSentEventsCutAnywhere() {
        Object messages = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/live.js').then(({ EventStreamParser }) => {
                  const seen = [];
                  const parser = new EventStreamParser(message => seen.push(message));
                  for (const piece of [': keep-alive\\n\\nid: 7\\r', '\\nevent: transition\\ndata: {"a":', '1}\\r\\n',
                      '\\r\\nid: 8\\nevent: retraction\\ndata: x\\ndata:y\\n\\n: bye\\n\\ndata: unfinished']) {
                    parser.push(piece);
                  }
                  done(JSON.stringify(seen));
                }, error => done(String(error)));
                """);
        assertEquals("[{\"event\":\"transition\",\"data\":\"{\\\"a\\\":1}\",\"id\":\"7\"},"
                + "{\"event\":\"retraction\",\"data\":\"x\\ny\",\"id\":\"8\"}]", messages);
    }

    private static void showOrdersMap() {
        browser.findElement(By.linkText("Process map")).click();
        choose("map-attribute", "status");
        customWindow("map-window");
        browser.findElement(By.cssSelector("#map-form button[type=submit]")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-graph g.edge[data-from='on_hold']")));
    }

    private static void customWindow(String picker) {
        browser.findElement(By.cssSelector("label[for='" + picker + "-custom']")).click();
        type(picker + "-since", SINCE);
        type(picker + "-until", UNTIL);
    }

    private static Map<String, String> edgeCounts() {
        return all("#map-graph g.edge").stream().collect(Collectors.toMap(
                edge -> edge.getAttribute("data-from") + "→" + edge.getAttribute("data-to"),
                edge -> edge.getAttribute("data-count")));
    }

    private static double width(String from, String to) {
        return Double.parseDouble(edge(from, to).findElement(By.cssSelector("path.line")).getAttribute("stroke-width"));
    }

    private static WebElement edge(String from, String to) {
        return browser.findElement(By.cssSelector(
                "#map-graph g.edge[data-from='" + from + "'][data-to='" + to + "']"));
    }

    /** The cells of a table's body, row by row. */
    private static List<List<String>> rows(String table) {
        return all(table + " tbody tr").stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Picks an option once the attribute list has come from the API (the list may be filled again meanwhile). */
    private static void choose(String select, String option) {
        await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + select + " option[value='" + option + "']")));
        await(ExpectedConditions.refreshed(driver -> {
            new Select(driver.findElement(By.id(select))).selectByValue(option);
            return true;
        }));
    }

    private static void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private static <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private static void reload() {
        browser.navigate().refresh();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a[aria-current]")));
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static void screenshot(String name) throws IOException {
        Path to = Path.of(System.getProperty("timelines.screenshots", "target/screenshots")).resolve(name);
        Files.createDirectories(to.getParent());
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), to,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ingest(HttpRequest.BodyPublisher ndjson) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/events"))
                        .header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(ndjson).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
