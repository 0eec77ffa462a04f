package io.supportflow.notification.service;

import java.util.List;

import io.supportflow.events.NotificationKind;
import io.supportflow.events.SurveyRequested;
import io.supportflow.events.TicketReference;
import io.supportflow.notification.domain.Language;
import io.supportflow.notification.domain.Wording;
import io.supportflow.notification.mail.MailComposer;
import io.supportflow.notification.mail.SurveyMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Sends the satisfaction survey link of a solved ticket, for a batch of survey requests at a time. */
@ApplicationScoped
public class SurveyNotifier {

    private final NotificationRequests requests;
    private final MailComposer composer;

    SurveyNotifier(NotificationRequests requests, MailComposer composer) {
        this.requests = requests;
        this.composer = composer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(List<SurveyRequested> events) {
        NotificationRequests.Batch outbox = requests.forTickets(
                events.stream().map(SurveyRequested::ticketId).toList());
        for (SurveyRequested event : events) {
            // The reference derives from the ticketId, so the survey need not wait for the ticket's details.
            SurveyMail mail = new SurveyMail(TicketReference.of(event.ticketId()), event.url(),
                    Wording.instant(event.expiresAt()));
            outbox.request(event.ticketId(), NotificationKind.SURVEY, event.surveyId(),
                    composer.survey(event.email(), Language.of(event.locale()), mail));
        }
    }
}
