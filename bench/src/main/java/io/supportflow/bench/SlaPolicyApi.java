package io.supportflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** sla-service's {@code /api/v1/sla/policy}, as ops read and change it (HTTP Basic). */
final class SlaPolicyApi {

    private final URI policy;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SlaPolicyApi(String slaUrl, String user, String password) {
        this.policy = URI.create(slaUrl + "/api/v1/sla/policy");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    Version get() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(policy).header("Authorization", authorization)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        return answer(http.send(get, HttpResponse.BodyHandlers.ofString()), "GET");
    }

    /**
     * Makes {@code body} the next version of the one tagged {@code etag}. The answer comes once the change has
     * committed, the ringing of every open clock's alarm with it, so its latency includes that UPDATE. No timeout
     * short of a benchmark's patience: an UPDATE of a million rows may take a while, and that is the figure.
     */
    Version put(String body, String etag) throws IOException, InterruptedException {
        HttpRequest put = HttpRequest.newBuilder(policy).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("If-Match", etag).timeout(Duration.ofMinutes(10))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(http.send(put, HttpResponse.BodyHandlers.ofString()), "PUT");
    }

    private Version answer(HttpResponse<String> response, String method) throws IOException {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IllegalStateException(method + " " + policy + " answered HTTP " + response.statusCode()
                    + ": changing the SLA policy takes an ops user (--ops-user, --ops-password)");
        }
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + policy + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        String etag = response.headers().firstValue("ETag").orElseThrow(
                () -> new IOException(method + " " + policy + " answered without an ETag"));
        return new Version(response.body(), etag);
    }

    /** A version of the policy as the service answered it: the document and its ETag (the version, quoted). */
    record Version(String body, String etag) {
    }
}
