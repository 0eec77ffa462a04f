package io.supportflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its chromedriver, for tests of web pages. Installs the two Debian
 * packages on first use when they are missing (the build runs as root), so a fresh machine needs no
 * manual step. The flags keep Chromium off the network except for the page under test: this machine
 * refuses every other connection.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,2000");

    private HeadlessChromium() {
    }

    /** A new browser with a fresh profile; quit it when done. */
    public static ChromeDriver start() {
        ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(FLAGS)
                    .addArguments("--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a browser profile directory", e);
        }
    }

    static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        run("apt-get", "update", "-q");
        run("apt-get", "install", "-y", "-q", "chromium", "chromium-driver");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("apt-get did not install " + CHROMIUM + " and " + CHROMEDRIVER);
        }
    }

    private static void run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
