package io.supportflow.notification.webhook;

/**
 * A webhook delivery, ready to be stored and sent: the webhook's configured name, the summary the audit shows,
 * and the JSON body. The URL and secret are looked up when it is sent, so neither is stored.
 */
public record OutgoingWebhook(String webhook, String summary, String body) {

    public static OutgoingWebhook of(String webhook, String summary, WebhookPayload payload) {
        return new OutgoingWebhook(webhook, summary, payload.json());
    }
}
