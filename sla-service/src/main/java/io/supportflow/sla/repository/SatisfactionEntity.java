package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.SurveyCompleted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One customer's survey answer, as survey-service published it. */
@Entity
@Table(name = "sla_satisfaction")
public class SatisfactionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "survey_id")
    public String surveyId;
    @Column(name = "ticket_id")
    public String ticketId;
    public int rating;
    public String comment;
    @Column(name = "responded_at")
    public Instant respondedAt;

    /** Which of {@code surveyIds} have an answer stored, in one query. */
    public static List<String> storedOf(Collection<String> surveyIds) {
        if (surveyIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> stored = getEntityManager()
                .createNativeQuery("SELECT survey_id FROM sla_satisfaction WHERE survey_id = ANY (CAST(?1 AS varchar[]))")
                .setParameter(1, surveyIds.toArray(String[]::new))
                .getResultList();
        return stored;
    }

    public static SatisfactionEntity of(SurveyCompleted answer) {
        SatisfactionEntity entity = new SatisfactionEntity();
        entity.surveyId = answer.surveyId();
        entity.ticketId = answer.ticketId();
        entity.rating = answer.rating();
        entity.comment = answer.comment();
        entity.respondedAt = answer.respondedAt();
        return entity;
    }
}
