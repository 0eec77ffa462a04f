package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.sla.Tickets;
import io.supportflow.testing.HeadlessChromium;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicWriter;

/** The ops console in a real headless Chromium, on the real broker and database, with real time passing. */
@QuarkusTest
@TestProfile(TinyTargetsProfile.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class OpsConsoleBrowserTest {

    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final String HOSTILE_COMMENT = "<img src=x onerror=\"document.title='pwned'\"> Quick & helpful";
    static final Path SCREENSHOT = Path.of("target", "ops-console.png");

    @TestHTTPResource("/console/")
    URL console;

    ChromeDriver browser;
    TopicWriter writer;

    @BeforeEach
    void openBrowser() {
        TestClock.CLOCK.followSystemClock();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void opsLogInAndWatchABreachArriveOnTheOpenPageWithoutReloading() throws Exception {
        Instant now = Instant.now();
        Tickets warned = publishTicket(Plan.ENTERPRISE, Priority.P2, now.minus(Duration.ofMinutes(190)));
        Tickets onTrack = publishTicket(Plan.FREE, Priority.P3, now);
        Tickets met = publishTicket(Plan.BUSINESS, Priority.P2, now.minus(Duration.ofMinutes(30)));
        writer.publish(met.logged(now.minus(Duration.ofMinutes(18))));
        writer.publish(EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/survey-service", now,
                new SurveyCompleted(met.ticketId(), UUID.randomUUID().toString(), 5, HOSTILE_COMMENT, now)));

        logInAsOps();
        browser.executeScript("window.openedOnce = true;");
        Awaitility.await("live feed connected").atMost(PAGE)
                .until(() -> "connected".equals(browser.findElement(By.id("feed-status")).getText()));

        // The page's feed joins the SLA topics from their end when the service starts: post tickets
        // with a three-second target until the page shows one's breach.
        List<Tickets> urgent = new ArrayList<>();
        Awaitility.await("a breach on the open page").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    if (urgent.stream().anyMatch(this::breachShown)) {
                        return true;
                    }
                    urgent.add(publishTicket(Plan.PRO, Priority.P1, Instant.now()));
                    return false;
                });

        assertThat(browser.executeScript("return window.openedOnce === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        Tickets breached = urgent.stream().filter(this::breachShown).findFirst().orElseThrow();
        Awaitility.await("open clocks in all three states").atMost(PAGE).untilAsserted(() -> {
            assertThat(clockRow(breached).getAttribute("class")).isEqualTo("state-breached");
            assertThat(clockRow(warned).getAttribute("class")).isEqualTo("state-warned");
            assertThat(clockRow(onTrack).getAttribute("class")).isEqualTo("state-on-track");
        });
        assertThat(clockRow(breached).findElement(By.cssSelector("td.state")).getText()).isEqualTo("Breached");
        assertThat(clockRow(breached).findElement(By.cssSelector("th a")).getAttribute("href"))
                .isEqualTo("http://127.0.0.1:8081/api/v1/tickets/" + breached.ticketId());

        Awaitility.await("the survey comment").atMost(PAGE)
                .until(() -> !browser.findElements(By.cssSelector("#comments td.comment")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#comments td.comment")).getText()).isEqualTo(HOSTILE_COMMENT);
        assertThat(browser.findElements(By.cssSelector("#comments img"))).as("customer text is not markup").isEmpty();
        assertThat(browser.getTitle()).isEqualTo("SupportFlow ops console");
        browser.findElement(By.cssSelector("#period button[type=submit]")).click();
        Awaitility.await("the breach in the compliance table").atMost(PAGE).until(() -> browser
                .findElements(By.cssSelector("#compliance tbody th")).stream().anyMatch(th -> "PRO".equals(th.getText())));
        Awaitility.await("the triage agreement matrix").atMost(PAGE)
                .until(() -> browser.findElements(By.cssSelector("#agreement-confusion tbody tr")).size() == 4);
        assertThat(browser.findElements(By.cssSelector("#agreement-confusion tbody tr:first-child td"))).hasSize(4);
        assertThat(browser.findElement(By.id("agreement-figures")).getText()).isNotBlank();

        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private void logInAsOps() {
        browser.get(console.toString());
        Awaitility.await("the login page").atMost(PAGE).until(() -> browser.getCurrentUrl().contains("/console/login.html"));
        browser.findElement(By.id("j_username")).sendKeys("ops");
        browser.findElement(By.id("j_password")).sendKeys("ops-dev-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await("the console after login").atMost(PAGE)
                .until(() -> browser.getCurrentUrl().endsWith("/console/") && !browser.findElements(By.id("feed")).isEmpty());
    }

    private Tickets publishTicket(Plan plan, Priority priority, Instant receivedAt) {
        Tickets ticket = Tickets.newTicket();
        writer.publish(ticket.received(plan, receivedAt));
        writer.publish(ticket.assigned(priority, receivedAt));
        return ticket;
    }

    private boolean breachShown(Tickets ticket) {
        return !browser.findElements(By.cssSelector("#feed li[data-type='supportflow.sla.breached.v1'][data-ticket-id='"
                + ticket.ticketId() + "']")).isEmpty();
    }

    private WebElement clockRow(Tickets ticket) {
        return browser.findElement(By.cssSelector("#open-clocks tr[data-ticket-id='" + ticket.ticketId() + "']"));
    }
}
