package io.supportflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Billing's first load of the account directory, before any ticket is posted: intake takes each ticket's plan
 * from its account. Loading the same accounts again on the next run changes nothing.
 */
final class AccountDirectoryLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountDirectoryLoad() {
    }

    /** Imports {@code csv} and returns intake's report; fails unless every line was taken. */
    static JsonNode load(String intakeUrl, String billingKey, String csv) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/accounts:import"))
                .header("X-Api-Key", billingKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofMinutes(5)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the account import answered HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode report = JSON.readTree(response.body());
        if (report.path("refused").asInt() != 0) {
            throw new IOException("the account import refused lines: " + report.path("faults"));
        }
        return report;
    }

    static String describe(JsonNode report) {
        return report.path("created").asInt() + " created, " + report.path("changed").asInt() + " changed, "
                + report.path("unchanged").asInt() + " unchanged";
    }
}
