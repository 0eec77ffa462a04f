package io.supportflow.notification.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** What notification sends to whom, and how patiently it retries. */
@ConfigMapping(prefix = "supportflow.notification")
public interface NotificationConfig {

    /** Who receives SLA breach alerts. */
    List<String> opsAddresses();

    /** The right-hand side of our Message-IDs, {@code <ticketId.kind@domain>}. */
    @WithDefault("supportflow")
    String messageIdDomain();

    /**
     * The webhooks pages and escalations may go to, by the name sla's rotations and escalation levels use
     * ({@code supportflow.notification.webhooks.<name>.url} and {@code .secret}); none by default.
     */
    Map<String, Webhook> webhooks();

    Delivery delivery();

    /** Where a webhook's POSTs go and the secret they are signed with; neither is ever logged. */
    interface Webhook {

        URI url();

        /** The HMAC-SHA256 key of {@code X-SupportFlow-Signature}, shared with the receiver. */
        @NotBlank
        String secret();
    }

    /** Sending what is due, and retrying a mail the SMTP server or a webhook did not accept. */
    interface Delivery {

        /** How often the dispatcher looks for due messages when no new request woke it (retries, other instances). */
        Duration pollInterval();

        /** Workers claiming and sending at once per instance, each holding a database connection while it sends. */
        @Min(1)
        int workers();

        /**
         * The most messages a worker sends in one transaction. Fewer commits under load, but a crash
         * between the server's acceptance and the commit sends up to this many again (same Message-IDs).
         */
        @Min(1)
        @WithDefault("20")
        int batchSize();

        /** How long the first retry waits; each further one waits twice as long. */
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        Duration maxBackoff();

        /** After this long since the notification was requested, a failing one is given up. */
        Duration giveUpAfter();

        /** How long a webhook has to connect and answer; no answer in time is a refused attempt. */
        @WithDefault("5s")
        Duration webhookTimeout();
    }
}
