package io.supportflow.sla.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

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
import io.restassured.http.ContentType;
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

    private static final Duration PAGE = ConsoleBrowser.PAGE;
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

        ConsoleBrowser.logInAsOps(browser, console);
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
                .endsWith("/console/ticket.html?id=" + breached.ticketId());
        assertThat(feedLink(breached, "breached").getText()).isEqualTo(breached.reference());

        Awaitility.await("the survey comment").atMost(PAGE)
                .until(() -> !browser.findElements(By.cssSelector("#comments td.comment")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#comments td.comment")).getText()).isEqualTo(HOSTILE_COMMENT);
        assertThat(browser.findElements(By.cssSelector("#comments img"))).as("customer text is not markup").isEmpty();
        assertThat(browser.getTitle()).isEqualTo("SupportFlow ops console");
        assertThat(browser.findElements(By.cssSelector("#period button"))).as("nothing to press").isEmpty();
        // The PRO tickets came after the page opened: their events on the feed bring them into the figures.
        Awaitility.await("the breach in the compliance table, without a click").atMost(PAGE).until(() -> browser
                .findElements(By.cssSelector("#compliance tbody th")).stream().anyMatch(th -> "PRO".equals(th.getText())));
        Awaitility.await("the triage agreement matrix").atMost(PAGE)
                .until(() -> browser.findElements(By.cssSelector("#agreement-confusion tbody tr")).size() == 4);
        assertThat(browser.findElements(By.cssSelector("#agreement-confusion tbody tr:first-child td"))).hasSize(4);
        assertThat(browser.findElement(By.id("agreement-figures")).getText()).isNotBlank();

        // A ticket answered in time: its SlaMet carries no reference. Its message goes first, so its clock is
        // usually never open and the page has to look the reference up.
        Tickets answered = Tickets.newTicket();
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(5));
        writer.publish(answered.logged(Instant.now()));
        writer.publish(answered.received(Plan.BUSINESS, receivedAt));
        writer.publish(answered.assigned(Priority.P2, receivedAt));
        Awaitility.await("the met ticket on the feed, by its reference").atMost(PAGE).ignoreExceptions()
                .untilAsserted(() -> assertThat(feedLink(answered, "met").getText()).isEqualTo(answered.reference()));
        Awaitility.await("every feed entry named").atMost(PAGE)
                .until(() -> browser.findElements(By.cssSelector("#feed a[data-unnamed]")).isEmpty());

        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void handlingHoursOnTheOpenPageOnCallOpeningsWaitingTicketsAtRiskClocksAndLiveEscalations() {
        Instant handover = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        putCalendar("/api/v1/rotations/console-night", """
                {"handoverAt": "%s", "shift": "PT12H", "members": [
                  {"name": "Grace", "email": "grace@supportflow.example"},
                  {"name": "Linus", "email": "linus@supportflow.example"}], "webhooks": ["pager"]}
                """.formatted(handover));
        // API tickets are handled on this schedule: open one hour a week, three days from today in Tokyo.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalDate openingDay = LocalDate.now(tokyo).plusDays(3);
        Instant opening = openingDay.atTime(9, 0).atZone(tokyo).toInstant();
        putCalendar("/api/v1/schedules/" + TinyTargetsProfile.WAITING_SCHEDULE, """
                {"zone": "Asia/Tokyo", "week": {"%s": [{"from": "09:00", "to": "10:00"}]}}
                """.formatted(openingDay.getDayOfWeek()));

        ConsoleBrowser.logInAsOps(browser, console);
        browser.executeScript("window.openedOnce = true;");
        Awaitility.await("live feed connected").atMost(PAGE)
                .until(() -> "connected".equals(browser.findElement(By.id("feed-status")).getText()));

        assertRow("#on-call", "data-rotation-id", "console-night", onCall -> {
            assertThat(onCall.findElement(By.cssSelector("td.on-call")).getText())
                    .isEqualTo("Grace <grace@supportflow.example>");
            assertThat(onCall.findElement(By.cssSelector("td.until")).getText())
                    .isEqualTo(utc(handover.plus(Duration.ofHours(12))));
            assertThat(onCall.findElement(By.cssSelector("td.webhooks")).getText()).isEqualTo("pager");
        });
        ZoneId browserZone = ZoneId.of((String) browser.executeScript(
                "return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
        assertRow("#schedules", "data-schedule-id", TinyTargetsProfile.WAITING_SCHEDULE, schedule -> {
            assertThat(schedule.findElement(By.cssSelector("td.open-now")).getText()).isEqualTo("Closed");
            assertThat(schedule.findElement(By.cssSelector("td.opening-there")).getText())
                    .isEqualTo(wallClock(opening, tokyo));
            assertThat(schedule.findElement(By.cssSelector("td.opening-here")).getText())
                    .isEqualTo(wallClock(opening, browserZone));
        });
        assertThat(browser.findElement(By.id("browser-zone")).getText()).isEqualTo(browserZone.getId());

        // As in the test above, the feed may join the topics later than the page: post P1 tickets (three-second
        // handling target) until one's handling breach and escalation arrive in the open page's feed.
        Tickets waiting = publishTicket(Plan.API, Priority.P3, Instant.now());
        List<Tickets> urgent = new ArrayList<>();
        Awaitility.await("a handling breach and an escalation on the open page").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(5)).until(() -> {
                    if (urgent.stream().anyMatch(this::escalatedOnTheFeed)) {
                        return true;
                    }
                    urgent.add(publishTicket(Plan.PRO, Priority.P1, Instant.now()));
                    return false;
                });
        Tickets escalated = urgent.stream().filter(this::escalatedOnTheFeed).findFirst().orElseThrow();
        assertThat(feedEntry(escalated, "handling.breached").getText())
                .contains("Handling breached: " + escalated.reference() + " — PRO P1, nobody took it up by ");
        assertThat(feedEntry(escalated, "sla.escalated").getText())
                .contains("Escalated: " + escalated.reference() + " — level ");
        // Level 1 pages on-call at the handling warning, level 2 tells the support leads at the breach.
        Awaitility.await("both levels of the escalated ticket").atMost(PAGE).ignoreExceptions().untilAsserted(() -> {
            assertThat(escalationRows(escalated)).extracting(row -> row.findElement(By.cssSelector("td.trigger"))
                    .getText()).containsExactly("handling breach", "handling warning");
            WebElement breach = escalationRows(escalated).get(0);
            assertThat(breach.findElement(By.cssSelector("td.recipients")).getText())
                    .isEqualTo("email support-leads@supportflow.example");
            assertThat(breach.findElement(By.cssSelector("th a")).getText()).isEqualTo(escalated.reference());
        });
        assertThat(browser.executeScript("return window.openedOnce === true;"))
                .as("the page was not reloaded").isEqualTo(true);

        assertRow("#handling-clocks", "data-ticket-id", escalated.ticketId(), atRisk -> {
            assertThat(atRisk.getAttribute("class")).isEqualTo("state-breached");
            assertThat(atRisk.findElement(By.cssSelector("td.state")).getText()).isEqualTo("Breached");
            assertThat(atRisk.findElement(By.cssSelector("td.mode")).getText()).isEqualTo("round the clock");
        });
        assertRow("#waiting", "data-ticket-id", waiting.ticketId(), row -> {
            assertThat(row.findElement(By.cssSelector("th a")).getAttribute("href"))
                    .endsWith("/console/ticket.html?id=" + waiting.ticketId());
            assertThat(row.findElement(By.cssSelector("td.handle-from")).getText()).isEqualTo(utc(opening));
        });
        assertThat(browser.findElements(By.cssSelector("#handling-clocks tr[data-ticket-id='" + waiting.ticketId()
                + "']"))).as("its clock has not started").isEmpty();
        Awaitility.await("handling compliance beside response compliance, without a click").atMost(PAGE)
                .ignoreExceptions().until(() -> browser.findElements(By.cssSelector("#handling-compliance tbody tr"))
                        .stream().anyMatch(tr -> tr.getText().startsWith("PRO P1")));
    }

    private static void putCalendar(String path, String json) {
        given().auth().preemptive().basic("ops", "ops-dev-password").contentType(ContentType.JSON).body(json)
                .put(path).then().statusCode(anyOf(is(200), is(201)));
    }

    /** Waits until {@code table} has the row whose {@code attribute} is {@code value} and it passes {@code check}. */
    private void assertRow(String table, String attribute, String value, Consumer<WebElement> check) {
        // Sections reload live: a row found may be replaced before it is read, so each try finds it again.
        Awaitility.await(value + " in " + table).atMost(PAGE).ignoreExceptions().untilAsserted(() -> check.accept(
                browser.findElement(By.cssSelector(table + " tbody tr[" + attribute + "='" + value + "']"))));
    }

    private boolean escalatedOnTheFeed(Tickets ticket) {
        return !feedEntries(ticket, "handling.breached").isEmpty() && !feedEntries(ticket, "sla.escalated").isEmpty();
    }

    private List<WebElement> feedEntries(Tickets ticket, String type) {
        return browser.findElements(By.cssSelector("#feed li[data-type='supportflow." + type + ".v1'][data-ticket-id='"
                + ticket.ticketId() + "']"));
    }

    private WebElement feedEntry(Tickets ticket, String type) {
        return browser.findElement(By.cssSelector("#feed li[data-type='supportflow." + type + ".v1'][data-ticket-id='"
                + ticket.ticketId() + "']"));
    }

    private List<WebElement> escalationRows(Tickets ticket) {
        return browser.findElements(By.cssSelector("#escalations tbody tr[data-ticket-id='" + ticket.ticketId() + "']"));
    }

    /** An instant as the console shows a schedule's next opening in {@code zone}. */
    private static String wallClock(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH).format(instant.atZone(zone));
    }

    /** An instant (whole seconds) as the console writes it. */
    private static String utc(Instant instant) {
        return instant.toString().replace('T', ' ');
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

    @Test
    void signingOutReturnsToTheLoginPageAndTheSessionIsGone() {
        ConsoleBrowser.logInAsOps(browser, console);
        assertThat(ConsoleBrowser.statusOfFetch(browser, "/api/v1/sla/console/open-clocks")).isEqualTo(200);

        browser.findElement(By.cssSelector("form.sign-out button")).click();

        Awaitility.await("the login page after signing out").atMost(PAGE)
                .until(() -> browser.getCurrentUrl().contains("/console/login.html"));
        assertThat(browser.manage().getCookieNamed("supportflow-console")).isNull();
        assertThat(ConsoleBrowser.statusOfFetch(browser, "/api/v1/sla/console/open-clocks")).isEqualTo(401);
        assertThat(ConsoleBrowser.statusOfFetch(browser, "/console/")).isEqualTo(302);
        browser.get(console.toString());
        Awaitility.await("the console sends a signed-out browser to the login page").atMost(PAGE)
                .until(() -> browser.getCurrentUrl().contains("/console/login.html"));
    }

    private WebElement feedLink(Tickets ticket, String kind) {
        return browser.findElement(By.cssSelector("#feed li[data-type='supportflow.sla." + kind + ".v1'][data-ticket-id='"
                + ticket.ticketId() + "'] a"));
    }

    private WebElement clockRow(Tickets ticket) {
        return browser.findElement(By.cssSelector("#open-clocks tr[data-ticket-id='" + ticket.ticketId() + "']"));
    }
}
