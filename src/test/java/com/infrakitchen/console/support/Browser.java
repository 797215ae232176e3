package com.infrakitchen.console.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the real-browser tests. They run only with {@code -De2e=true} (what
 * .ci/run passes); without it they are skipped with a message. When enabled, a missing Chromium fails.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static final String DISABLED_REASON = "Browser tests skipped: run with -De2e=true (needs Debian"
            + " chromium and chromium-driver at /usr/bin/chromium and /usr/bin/chromedriver; .ci/run installs them)";

    public static void assumeEnabled() {
        assumeTrue(Boolean.getBoolean("e2e"), DISABLED_REASON);
    }

    public static ChromeDriver start() throws IOException {
        return start(java.util.List.of());
    }

    /** With {@code extraArguments} for Chromium besides the usual ones (benchmarks: host mapping, no throttling). */
    public static ChromeDriver start(java.util.List<String> extraArguments) throws IOException {
        assumeEnabled();
        return launch(extraArguments);
    }

    /** Starts Chromium whether or not {@code -De2e=true} was given (benchmarks that have a switch of their own). */
    public static ChromeDriver launch() throws IOException {
        return launch(java.util.List.of());
    }

    private static ChromeDriver launch(java.util.List<String> extraArguments) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests are enabled but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Path profiles = Path.of("target", "chromium-profiles");
        Files.createDirectories(profiles);
        Path profile = Files.createTempDirectory(profiles, "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,860", "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    public static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
