package io.supportflow.sla.domain.escalation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.supportflow.events.Recipient;
import io.supportflow.runtime.text.EmailAddresses;

/**
 * A configured recipient: {@code email:<address>}, {@code webhook:<name>}, or {@code on-call} (whoever is on call
 * then).
 */
public sealed interface RecipientSpec {

    Pattern WEBHOOK = Pattern.compile("[a-z0-9-]{1,64}");

    public static RecipientSpec parse(String text) {
        String spec = text.strip();
        if (spec.equals("on-call")) {
            return new OnCall();
        }
        if (spec.startsWith("email:") && EmailAddresses.isPlausible(spec.substring(6))) {
            return new Fixed(Recipient.email(spec.substring(6)));
        }
        if (spec.startsWith("webhook:") && WEBHOOK.matcher(spec.substring(8)).matches()) {
            return new Fixed(Recipient.webhook(spec.substring(8)));
        }
        throw new IllegalArgumentException(
                "An escalation recipient is email:<address>, webhook:<name> or on-call, not '" + spec + "'");
    }

    /** The same recipient whenever the level fires. */
    record Fixed(Recipient recipient) implements RecipientSpec {
    }

    /** The rotation's on-call member and webhooks at the time the level fires. */
    record OnCall() implements RecipientSpec {
    }

    /** What a fired level's recipients are, given who the rotation pages then. */
    static List<Recipient> resolve(List<RecipientSpec> specs, List<Recipient> onCallPage) {
        return specs.stream()
                .flatMap(spec -> spec instanceof Fixed fixed ? Stream.of(fixed.recipient())
                        : onCallPage.stream())
                .distinct()
                .toList();
    }
}
