package io.supportflow.events;

import java.util.Objects;

/** One address a page or an escalation is sent to. */
public record Recipient(RecipientKind kind, String address) {

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    public static Recipient email(String address) {
        return new Recipient(RecipientKind.EMAIL, address);
    }

    public static Recipient webhook(String name) {
        return new Recipient(RecipientKind.WEBHOOK, name);
    }
}
