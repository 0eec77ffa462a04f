package io.supportflow.intake;

import static io.restassured.RestAssured.given;
import static io.supportflow.intake.AccountRequests.ACCOUNTS;
import static io.supportflow.intake.AccountRequests.get;
import static io.supportflow.intake.AccountRequests.newAccountId;
import static io.supportflow.intake.AccountRequests.put;
import static io.supportflow.intake.TicketRequests.WEB_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportflow.events.AccountChanged;
import io.supportflow.events.EventType;
import io.supportflow.events.Plan;
import io.supportflow.events.Topics;
import io.supportflow.testing.ReceivedRecord;
import io.supportflow.testing.StoredRows;
import io.supportflow.testing.SupportFlowTestResource;
import io.supportflow.testing.TopicClients;
import io.supportflow.testing.TopicReader;
import jakarta.inject.Inject;

/** Billing states accounts one at a time; each change is a version of the account and an AccountChanged. */
@QuarkusTest
@WithTestResource(SupportFlowTestResource.class)
@ExtendWith(TopicClients.class)
class AccountDirectoryTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TopicClients.Reads(Topics.ACCOUNTS)
    private TopicReader accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewAccountIsVersionOneAndPublishedOnTheAccountsTopicKeyedByItsId() {
        String id = newAccountId();

        put(id, """
                {"plan":"BUSINESS","region":"EU","locale":"DE","scheduleId":"berlin-office"}""")
                .statusCode(201).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("plan", equalTo("BUSINESS")).body("locale", equalTo("de"))
                .body("changedBy", equalTo("billing"));

        AccountChanged changed = accounts.awaitEvent(EventType.ACCOUNT_CHANGED, id, SOON);
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.plan()).isEqualTo(Plan.BUSINESS);
        assertThat(changed.region()).isEqualTo("EU");
        assertThat(changed.scheduleId()).isEqualTo("berlin-office");
        get(id).statusCode(200).header("ETag", "\"1\"").body("plan", equalTo("BUSINESS"));
    }

    @Test
    void anAccountReadAndSentBackAsItIsChangesNothing() {
        String id = newAccountId();
        put(id, "{\"plan\":\"PRO\",\"region\":\"EU\"}").statusCode(201);
        String asRead = get(id).statusCode(200).extract().asString();

        put(id, asRead).statusCode(200).header("ETag", "\"1\"");
        put(id, asRead.replace("\"PRO\"", "\"BUSINESS\"")).statusCode(200).header("ETag", "\"2\"");
        put(id, "{\"plan\":\"PRO\",\"regoin\":\"EU\"}").statusCode(400).body("errors[0].field", equalTo("regoin"));
    }

    @Test
    void aChangeIsTheNextVersionAndStatingTheAccountAsItIsPublishesNothing() {
        String id = newAccountId();
        put(id, "{\"plan\":\"FREE\"}").statusCode(201);
        put(id, "{\"plan\":\"FREE\"}").statusCode(200).header("ETag", "\"1\"");
        put(id, "{\"plan\":\"PRO\",\"locale\":\"en\"}").statusCode(200).header("ETag", "\"2\"")
                .body("plan", equalTo("PRO"));

        accounts.awaitRecord(EventType.ACCOUNT_CHANGED, id, SOON);
        Awaitility.await("version 2 of " + id).atMost(SOON)
                .until(() -> accounts.<AccountChanged>events(EventType.ACCOUNT_CHANGED, id).size() >= 2);
        assertThat(accounts.<AccountChanged>events(EventType.ACCOUNT_CHANGED, id))
                .extracting(AccountChanged::version, AccountChanged::plan)
                .containsExactly(tuple(1, Plan.FREE),
                        tuple(2, Plan.PRO));
    }

    @Test
    void anAccountWithBadFieldsIsRefusedNamingEachAndNothingIsStoredOrPublished() {
        String id = newAccountId();

        put(id, """
                {"accountId":"someone-else","plan":"GOLD","region":"E U","locale":"fr"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("accountId", "plan", "region", "locale"));
        put(id, "{\"region\":\"EU\"}").statusCode(400).body("errors.field", containsInAnyOrder("plan"));
        put(id, "{\"plan\":7}").statusCode(400).contentType("application/problem+json");

        get(id).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The account '" + id + "' is not in the account directory"));
        assertNoAccountEventFor(id);
    }

    @Test
    void onlyABillingKeyKeepsTheDirectoryEveryRefusalAProblem() {
        String id = newAccountId();
        String body = "{\"plan\":\"ENTERPRISE\"}";

        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(body).put(ACCOUNTS + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only billing systems keep the account directory, with a billing API key"));
        given().contentType(ContentType.JSON).body(body).put(ACCOUNTS + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", "not-a-key").contentType(ContentType.JSON).body(body).put(ACCOUNTS + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", AccountRequests.BILLING_KEY).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets").then().statusCode(403).contentType("application/problem+json");

        get(id).statusCode(404);
        assertNoAccountEventFor(id);
    }

    /** An event is written to the outbox with the change, or not at all: no row, nothing published, ever. */
    private void assertNoAccountEventFor(String id) {
        assertThat(StoredRows.countAmong(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ANY (?)",
                List.of(id))).isZero();
        assertThat(accounts.records()).extracting(ReceivedRecord::key).doesNotContain(id);
    }
}
