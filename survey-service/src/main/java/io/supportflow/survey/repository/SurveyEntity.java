package io.supportflow.survey.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A survey of one resolution; answered once {@code rating} is set. */
@Entity
@Table(name = "survey")
public class SurveyEntity extends PanacheEntityBase {

    @Id
    public String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    public SurveyTicketEntity ticket;
    @Column(name = "resolved_event_id")
    public String resolvedEventId;
    public String token;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public Integer rating;
    public String comment;
    @Column(name = "responded_at")
    public Instant respondedAt;

    public boolean isAnswered() {
        return rating != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public static Optional<SurveyEntity> byToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /** Locked, so two answers posted at once cannot both be stored. */
    public static Optional<SurveyEntity> byTokenForUpdate(String token) {
        return find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<SurveyEntity> requestedBetween(Instant from, Instant to) {
        return list("select s from SurveyEntity s join fetch s.ticket where s.requestedAt >= ?1 and s.requestedAt < ?2",
                from, to);
    }
}
