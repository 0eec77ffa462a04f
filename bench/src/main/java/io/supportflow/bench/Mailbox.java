package io.supportflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The dev stack's mail server, which keeps every message it accepts in memory: a run empties it first,
 * or a few runs of tens of thousands of messages would fill its heap and stall the notification stage.
 */
final class Mailbox {

    private Mailbox() {
    }

    static void empty(String mailboxUrl) throws IOException, InterruptedException {
        HttpRequest delete = HttpRequest.newBuilder(URI.create(mailboxUrl)).DELETE()
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(delete, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("emptying the mailbox at " + mailboxUrl + " answered HTTP " + response.statusCode());
        }
    }
}
