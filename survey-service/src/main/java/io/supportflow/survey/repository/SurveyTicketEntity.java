package io.supportflow.survey.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Channel;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a survey needs of its ticket; {@code receivedAt} is null until TicketReceived has arrived. */
@Entity
@Table(name = "survey_ticket")
public class SurveyTicketEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    public String reference;
    public String subject;
    public String email;
    public String locale;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "received_at")
    public Instant receivedAt;

    public boolean isReceived() {
        return receivedAt != null;
    }
}
