package io.supportflow.sla.domain.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.supportflow.events.OnCallMember;
import io.supportflow.events.Recipient;
import io.supportflow.events.RotationChanged;

/**
 * Who is on call when: the members take turns of {@code shift} each, the first from {@code handoverAt}, then
 * round again; before {@code handoverAt} the first member is on call (a rotation published ahead of its start
 * still has someone to page). Shifts are elapsed time, so a 24-hour shift hands over at a different local hour
 * after a DST change. Immutable.
 */
public final class OnCallRotation {

    private final String id;
    private final Instant handoverAt;
    private final Duration shift;
    private final List<OnCallMember> members;
    private final List<String> webhooks;

    public OnCallRotation(String id, Instant handoverAt, Duration shift, List<OnCallMember> members,
                          List<String> webhooks) {
        this.id = Objects.requireNonNull(id, "id");
        this.handoverAt = Objects.requireNonNull(handoverAt, "handoverAt");
        this.shift = Objects.requireNonNull(shift, "shift");
        if (shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("A shift must be longer than zero");
        }
        this.members = List.copyOf(members);
        this.webhooks = List.copyOf(webhooks);
    }

    public static OnCallRotation from(RotationChanged event) {
        return new OnCallRotation(event.rotationId(), event.handoverAt(), event.shift(), event.members(),
                event.webhooks());
    }

    public String id() {
        return id;
    }

    public Instant handoverAt() {
        return handoverAt;
    }

    public Duration shift() {
        return shift;
    }

    public List<OnCallMember> members() {
        return members;
    }

    public List<String> webhooks() {
        return webhooks;
    }

    /** The member whose turn it is at {@code t}; empty without members. */
    public Optional<OnCallMember> onCallAt(Instant t) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(members.get((int) (turn(t) % members.size())));
    }

    /** When the turn running at {@code t} ends (before {@code handoverAt}: {@code handoverAt}, the first real turn). */
    public Instant nextHandover(Instant t) {
        if (t.isBefore(handoverAt)) {
            return handoverAt;
        }
        return handoverAt.plus(shift.multipliedBy(turn(t) + 1));
    }

    /** Whom a page at {@code t} goes to: the on-call member's email, then every webhook of the rotation. */
    public List<Recipient> pageAt(Instant t) {
        List<Recipient> recipients = new ArrayList<>(webhooks.size() + 1);
        onCallAt(t).ifPresent(member -> recipients.add(Recipient.email(member.email())));
        webhooks.forEach(name -> recipients.add(Recipient.webhook(name)));
        return List.copyOf(recipients);
    }

    /** The number of whole shifts since {@code handoverAt}; 0 before it. Exact for any span java.time holds. */
    private long turn(Instant t) {
        if (t.isBefore(handoverAt)) {
            return 0;
        }
        return Duration.between(handoverAt, t).dividedBy(shift);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OnCallRotation that && id.equals(that.id) && handoverAt.equals(that.handoverAt)
                && shift.equals(that.shift) && members.equals(that.members) && webhooks.equals(that.webhooks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, handoverAt, shift, members, webhooks);
    }

    @Override
    public String toString() {
        return "OnCallRotation[" + id + ", from " + handoverAt + " every " + shift + ", " + members.size()
                + " members, " + webhooks.size() + " webhooks]";
    }
}
