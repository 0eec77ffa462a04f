package io.supportflow.sla.console;

import java.net.URL;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the browser tests of the console do alike: sign in through the form, and ask the API from the page. */
final class ConsoleBrowser {

    static final Duration PAGE = Duration.ofSeconds(60);

    private ConsoleBrowser() {
    }

    /** Opens {@code console}, is sent to the login form, signs in as ops and waits for the console. */
    static void logInAsOps(ChromeDriver browser, URL console) {
        browser.get(console.toString());
        Awaitility.await("the login page").atMost(PAGE).until(() -> browser.getCurrentUrl().contains("/console/login.html"));
        browser.findElement(By.id("j_username")).sendKeys("ops");
        browser.findElement(By.id("j_password")).sendKeys("ops-dev-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await("the console after login").atMost(PAGE)
                .until(() -> browser.getCurrentUrl().endsWith("/console/") && !browser.findElements(By.id("feed")).isEmpty());
    }

    /** The status the page's own fetch of {@code path} gets, with the page's cookies and without following redirects. */
    static long statusOfFetch(ChromeDriver browser, String path) {
        // WebDriver waits for the promise a script returns.
        Object status = browser.executeScript("return fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                + ".then(r => r.type === 'opaqueredirect' ? 302 : r.status, () => -1);", path);
        return ((Number) status).longValue();
    }
}
