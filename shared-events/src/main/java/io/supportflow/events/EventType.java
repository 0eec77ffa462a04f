package io.supportflow.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudEvents type of every event, its topic and its Java record. Type names are
 * explicit and stable; a breaking change adds a {@code .v2} constant and keeps this one.
 */
public enum EventType {
    TICKET_RECEIVED("supportflow.ticket.received.v1", Topics.TICKETS_RECEIVED, TicketReceived.class),
    TICKET_RESOLVED("supportflow.ticket.resolved.v1", Topics.TICKETS_LIFECYCLE, TicketResolved.class),
    TICKET_ACKNOWLEDGED("supportflow.ticket.acknowledged.v1", Topics.TICKETS_LIFECYCLE, TicketAcknowledged.class),
    TICKET_REOPENED("supportflow.ticket.reopened.v1", Topics.TICKETS_LIFECYCLE, TicketReopened.class),
    PRIORITY_ASSIGNED("supportflow.priority.assigned.v1", Topics.TICKETS_PRIORITY, PriorityAssigned.class),
    TRIAGE_REVIEW_REQUESTED("supportflow.triage.review-requested.v1", Topics.TICKETS_PRIORITY,
            TriageReviewRequested.class),
    CUSTOMER_NOTIFIED("supportflow.customer.notified.v1", Topics.TICKETS_NOTIFICATIONS, CustomerNotified.class),
    NOTIFICATION_FAILED("supportflow.notification.failed.v1", Topics.TICKETS_NOTIFICATIONS,
            NotificationFailed.class),
    SLA_WARNING("supportflow.sla.warning.v1", Topics.SLA_EVENTS, SlaWarning.class),
    SLA_MET("supportflow.sla.met.v1", Topics.SLA_EVENTS, SlaMet.class),
    SLA_BREACH_RETRACTED("supportflow.sla.breach-retracted.v1", Topics.SLA_EVENTS, SlaBreachRetracted.class),
    SLA_BREACHED("supportflow.sla.breached.v1", Topics.SLA_BREACHES, SlaBreached.class),
    HANDLING_SCHEDULED("supportflow.handling.scheduled.v1", Topics.SLA_EVENTS, HandlingScheduled.class),
    HANDLING_WARNING("supportflow.handling.warning.v1", Topics.SLA_EVENTS, HandlingWarning.class),
    HANDLING_MET("supportflow.handling.met.v1", Topics.SLA_EVENTS, HandlingMet.class),
    HANDLING_BREACH_RETRACTED("supportflow.handling.breach-retracted.v1", Topics.SLA_EVENTS,
            HandlingBreachRetracted.class),
    HANDLING_BREACHED("supportflow.handling.breached.v1", Topics.SLA_BREACHES, HandlingBreached.class),
    SLA_ESCALATED("supportflow.sla.escalated.v1", Topics.SLA_BREACHES, SlaEscalated.class),
    SCHEDULE_CHANGED("supportflow.schedule.changed.v1", Topics.SLA_SCHEDULES, ScheduleChanged.class),
    ROTATION_CHANGED("supportflow.rotation.changed.v1", Topics.SLA_SCHEDULES, RotationChanged.class),
    SLA_POLICY_CHANGED("supportflow.sla.policy-changed.v1", Topics.SLA_POLICIES, SlaPolicyChanged.class),
    ACCOUNT_CHANGED("supportflow.account.changed.v1", Topics.ACCOUNTS, AccountChanged.class),
    SURVEY_REQUESTED("supportflow.survey.requested.v1", Topics.SURVEYS_REQUESTED, SurveyRequested.class),
    SURVEY_COMPLETED("supportflow.survey.completed.v1", Topics.SURVEYS_RESPONSES, SurveyCompleted.class),
    SUBMISSION_ACCEPTED("supportflow.submission.accepted.v1", AdapterSubmissions.RESULTS, SubmissionAccepted.class),
    SUBMISSION_REFUSED("supportflow.submission.refused.v1", AdapterSubmissions.RESULTS, SubmissionRefused.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends SupportEvent> recordClass;

    EventType(String ceType, String topic, Class<? extends SupportEvent> recordClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends SupportEvent> recordClass() {
        return recordClass;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(SupportEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.recordClass == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass()));
    }
}
