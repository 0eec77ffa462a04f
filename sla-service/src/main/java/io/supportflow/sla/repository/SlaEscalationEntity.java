package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An escalation level that fired for a ticket, kept for the console and the reports. */
@Entity
@Table(name = "sla_escalation")
public class SlaEscalationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "escalation_id")
    public String escalationId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "level_index")
    public int levelIndex;
    public int level;
    @Enumerated(EnumType.STRING)
    public EscalationTrigger trigger;
    /** kind:address, comma separated. */
    public String recipients;
    @Column(name = "fired_at")
    public Instant firedAt;

    public static SlaEscalationEntity of(String ticketId, int levelIndex, int level, EscalationTrigger trigger,
                                         List<Recipient> recipients, Instant firedAt) {
        SlaEscalationEntity escalation = new SlaEscalationEntity();
        escalation.escalationId = ticketId + ":" + levelIndex;
        escalation.ticketId = ticketId;
        escalation.levelIndex = levelIndex;
        escalation.level = level;
        escalation.trigger = trigger;
        escalation.recipients = recipients.stream().map(r -> r.kind().name().toLowerCase() + ":" + r.address())
                .collect(Collectors.joining(", "));
        escalation.firedAt = firedAt;
        return escalation;
    }
}
