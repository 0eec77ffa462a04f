package io.supportflow.intake;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The account directory as billing systems call it. Each test names accounts of its own: tests share one database. */
final class AccountRequests {

    static final String BILLING_KEY = "dev-billing-key";
    static final String ACCOUNTS = "/api/v1/accounts/";
    static final String IMPORT = "/api/v1/accounts:import";

    private AccountRequests() {
    }

    static String newAccountId() {
        return "ACCT-" + UUID.randomUUID();
    }

    static ValidatableResponse put(String accountId, String body) {
        return given().header("X-Api-Key", BILLING_KEY).contentType(ContentType.JSON).body(body)
                .when().put(ACCOUNTS + accountId).then();
    }

    static void register(String accountId, String plan) {
        put(accountId, "{\"plan\":\"" + plan + "\"}").statusCode(201);
    }

    /** A valid ticket of {@code accountId} naming {@code plan} (null: none). */
    static Map<String, Object> ticketFor(String accountId, String plan) {
        Map<String, Object> ticket = TicketRequests.validTicket(plan);
        TicketRequests.customerOf(ticket).put("accountId", accountId);
        return ticket;
    }

    static ValidatableResponse get(String accountId) {
        return given().header("X-Api-Key", BILLING_KEY).when().get(ACCOUNTS + accountId).then();
    }

    static ValidatableResponse importLines(String contentType, String lines) {
        return importBytes(contentType, lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The path as clients send it: RestAssured would otherwise send the colon as %3A, another path. */
    static ValidatableResponse importBytes(String contentType, byte[] file) {
        return given().urlEncodingEnabled(false).header("X-Api-Key", BILLING_KEY).contentType(contentType).body(file)
                .when().post(IMPORT).then();
    }
}
