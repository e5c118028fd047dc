package dev.timelines.bootstrap;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, found on the PATH, headless at a laptop's screen size: the browser of
 * WebPageIT, and of the bench's timing of the page at scale (in the test-jar for it).
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,860");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(onPath("chromedriver"))).build();
        return new ChromeDriver(driver, options);
    }

    private static String onPath(String program) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(program + " is not on the PATH: run "
                        + "bootstrap/src/test/tools/install-missing.sh (the build does before the browser tests)"))
                .toString();
    }
}
