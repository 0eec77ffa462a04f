package io.supportflow.notification.service;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.supportflow.events.EventEnvelope;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReference;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.SurveyMail;
import io.supportflow.notification.service.NotificationRequests.TicketMessages;
import io.supportflow.runtime.messaging.BatchHandler;
import io.supportflow.runtime.messaging.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Sends the satisfaction survey link of a solved ticket. */
@ApplicationScoped
public class SurveyNotifier implements BatchHandler<TicketMessages> {

    private final NotificationRequests requests;
    private final MailComposer composer;

    SurveyNotifier(NotificationRequests requests, MailComposer composer) {
        this.requests = requests;
        this.composer = composer;
    }

    @Override
    public boolean concerns(EventEnvelope event) {
        return event.event() instanceof SurveyRequested;
    }

    /** No row to lock: only this consumer requests surveys, and a ticket's events reach one consumer at a time. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, TicketMessages> stateOf(SortedSet<String> ticketIds) {
        return requests.forTickets(ticketIds);
    }

    @Override
    public List<Publication> apply(EventEnvelope event, TicketMessages messages) {
        SurveyRequested requested = (SurveyRequested) event.event();
        // The reference derives from the ticketId, so the survey need not wait for the ticket's details.
        SurveyMail mail = new SurveyMail(TicketReference.of(requested.ticketId()), requested.url(),
                Wording.instant(requested.expiresAt()));
        messages.request(NotificationKind.SURVEY, requested.surveyId(),
                composer.survey(requested.email(), Language.of(requested.locale()), mail));
        return List.of();
    }
}
