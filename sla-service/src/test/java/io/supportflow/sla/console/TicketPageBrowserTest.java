package io.supportflow.sla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationFailed;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SupportEvent;
import io.supportflow.events.SurveyCompleted;
import io.supportflow.events.TicketAcknowledged;
import io.supportflow.events.TicketResolved;
import io.supportflow.sla.Tickets;
import io.supportflow.testing.HeadlessChromium;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TestClock;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicWriter;

/**
 * The console's own ticket page in a real headless Chromium, for tickets fed through Kafka as the other services
 * publish them: a ticket link in the console opens it, and it shows the clocks, the timeline, the messages and the
 * survey answer, the customer's comment as text.
 */
@QuarkusTest
@TestProfile(TinyTargetsProfile.class)
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class TicketPageBrowserTest {

    private static final Duration PAGE = ConsoleBrowser.PAGE;
    private static final String HOSTILE_COMMENT = "<img src=x onerror=\"document.title='pwned'\"> Sorted & fast";
    static final Path SCREENSHOT = Path.of("target", "ticket-page.png");

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
    void aTicketLinkInTheConsoleOpensItsOwnPageWithItsRunningClock() {
        Tickets open = Tickets.newTicket();
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(10));
        writer.publish(open.received(Plan.ENTERPRISE, receivedAt));
        writer.publish(open.assigned(Priority.P3, receivedAt));
        ConsoleBrowser.logInAsOps(browser, console);

        By link = By.cssSelector("#open-clocks tr[data-ticket-id='" + open.ticketId() + "'] th a");
        Awaitility.await("the open clock").atMost(PAGE).until(() -> !browser.findElements(link).isEmpty());
        browser.findElement(link).click();

        Awaitility.await("the ticket's page").atMost(PAGE)
                .until(() -> open.reference().equals(browser.findElement(By.id("ticket-reference")).getText()));
        assertThat(browser.getCurrentUrl()).endsWith("/console/ticket.html?id=" + open.ticketId());
        assertThat(browser.getTitle()).isEqualTo("Ticket " + open.reference() + " · SupportFlow ops console");
        WebElement response = browser.findElement(By.cssSelector("#clocks tr[data-clock='RESPONSE']"));
        assertThat(response.findElement(By.cssSelector("td.state")).getText()).isEqualTo("Running");
        assertThat(response.findElements(By.tagName("td")).get(1).getText()).isEqualTo("24 h");
        assertThat(browser.findElement(By.id("ticket-summary")).getText()).contains("Plan ENTERPRISE, priority P3");
    }

    @Test
    void theTicketPageShowsTimelineClockMessagesAndSurveyOfATicketFedThroughKafka() throws Exception {
        Tickets ticket = Tickets.newTicket();
        Instant receivedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant acknowledgedAt = receivedAt.plus(Duration.ofMinutes(5));
        Instant failedAt = receivedAt.plus(Duration.ofMinutes(40));
        Instant resolvedAt = receivedAt.plus(Duration.ofHours(1));
        Instant answeredAt = receivedAt.plus(Duration.ofHours(2));
        writer.publish(ticket.received(Plan.PRO, receivedAt));
        writer.publish(ticket.assigned(Priority.P2, receivedAt.plusSeconds(30)));
        writer.publish(envelope(acknowledgedAt, new TicketAcknowledged(ticket.ticketId(), acknowledgedAt, "agent.alex",
                null)));
        writer.publish(ticket.logged(receivedAt.plus(Duration.ofMinutes(15))));
        writer.publish(envelope(failedAt, new NotificationFailed(ticket.ticketId(), NotificationKind.PRIORITY_CHANGED,
                "ada@example.com", 5, "550 mailbox unavailable", failedAt)));
        writer.publish(envelope(resolvedAt, new TicketResolved(ticket.ticketId(), resolvedAt, "agent.alex", "done")));
        writer.publish(envelope(answeredAt, new SurveyCompleted(ticket.ticketId(), UUID.randomUUID().toString(), 5,
                HOSTILE_COMMENT, answeredAt)));
        ConsoleBrowser.logInAsOps(browser, console);

        browser.get(console.toString() + "ticket.html?id=" + ticket.ticketId());

        // The page follows the ticket: whatever of it is not consumed yet arrives while it is open, and a timeline
        // redrawn while it is read leaves stale elements: read it again.
        Awaitility.await("the whole ticket on its page").atMost(PAGE)
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(timelineKinds()).containsSubsequence("RECEIVED", "PRIORITY", "ACKNOWLEDGED", "RESPONDED",
                    "NOTIFIED", "NOTIFICATION_FAILED", "RESOLVED", "SURVEY_ANSWERED");
            assertThat(browser.findElements(By.cssSelector("#survey .comment"))).hasSize(1);
        });
        assertThat(browser.findElement(By.id("ticket-reference")).getText()).isEqualTo(ticket.reference());
        assertThat(texts("#timeline li")).contains(
                "%s Acknowledged by agent.alex".formatted(utc(acknowledgedAt)),
                "%s Resolved by agent.alex".formatted(utc(resolvedAt)));
        WebElement response = browser.findElement(By.cssSelector("#clocks tr[data-clock='RESPONSE']"));
        assertThat(response.findElement(By.cssSelector("td.state")).getText()).isEqualTo("Met");
        assertThat(response.findElements(By.tagName("td")).get(1).getText()).isEqualTo("4 h");
        assertThat(texts("#notifications tbody tr")).containsExactly(
                utc(receivedAt.plus(Duration.ofMinutes(15))) + " Sent \"Ticket logged\" message sent to ada@example.com",
                utc(failedAt) + " Given up \"Priority changed\" message to ada@example.com given up after 5 attempts:"
                        + " 550 mailbox unavailable");
        assertThat(browser.findElement(By.cssSelector("#survey .rating")).getText())
                .isEqualTo("Rating 5 of 5, answered " + utc(answeredAt));
        assertThat(browser.findElement(By.cssSelector("#survey .comment")).getText()).isEqualTo(HOSTILE_COMMENT);
        assertThat(browser.findElements(By.cssSelector("#survey img"))).as("customer text is not markup").isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Ticket " + ticket.reference() + " · SupportFlow ops console");

        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void aTicketNobodyKnowsSaysSo() {
        ConsoleBrowser.logInAsOps(browser, console);

        browser.get(console.toString() + "ticket.html?id=" + UUID.randomUUID());

        Awaitility.await("the page's answer").atMost(PAGE)
                .until(() -> browser.findElement(By.id("ticket-error")).isDisplayed());
        assertThat(browser.findElement(By.id("ticket-error")).getText())
                .isEqualTo("The SLA service knows nothing of this ticket (yet).");
    }

    private List<String> timelineKinds() {
        return browser.findElements(By.cssSelector("#timeline li")).stream().map(li -> li.getAttribute("data-kind")).toList();
    }

    private List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** An instant as the console writes it. */
    private static String utc(Instant instant) {
        return instant.toString().replace('T', ' ');
    }

    private static EventEnvelope envelope(Instant at, SupportEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/test", at, event);
    }
}
