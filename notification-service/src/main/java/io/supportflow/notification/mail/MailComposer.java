package io.supportflow.notification.mail;

import java.util.List;
import java.util.function.Supplier;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.supportflow.notification.domain.HeaderText;
import io.supportflow.notification.domain.Language;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders each message from its Qute templates, one per message and language, each with an
 * HTML variant (customer text escaped by Qute) and a plain-text variant.
 */
@ApplicationScoped
public class MailComposer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticketLogged_en(TicketLoggedMail mail);

        static native TemplateInstance ticketLogged_de(TicketLoggedMail mail);

        static native TemplateInstance priorityChanged_en(PriorityChangedMail mail);

        static native TemplateInstance priorityChanged_de(PriorityChangedMail mail);

        static native TemplateInstance survey_en(SurveyMail mail);

        static native TemplateInstance survey_de(SurveyMail mail);

        static native TemplateInstance slaBreachAlert(SlaBreachAlertMail mail);

        static native TemplateInstance onCallPage(OnCallPageMail mail);

        static native TemplateInstance escalation(EscalationMail mail);
    }

    public OutgoingMail ticketLogged(String to, Language language, TicketLoggedMail mail) {
        String subject = language == Language.DE
                ? "Ihr Ticket " + mail.reference() + " ist erfasst: " + HeaderText.clean(mail.subject())
                : "Your ticket " + mail.reference() + " is logged: " + HeaderText.clean(mail.subject());
        return render(List.of(to), subject,
                () -> language == Language.DE ? Templates.ticketLogged_de(mail) : Templates.ticketLogged_en(mail));
    }

    public OutgoingMail priorityChanged(String to, Language language, PriorityChangedMail mail) {
        String subject = language == Language.DE
                ? "Ihr Ticket " + mail.reference() + ": Priorität auf " + mail.priority() + " geändert"
                : "Your ticket " + mail.reference() + ": priority changed to " + mail.priority();
        return render(List.of(to), subject, () -> language == Language.DE
                ? Templates.priorityChanged_de(mail) : Templates.priorityChanged_en(mail));
    }

    public OutgoingMail survey(String to, Language language, SurveyMail mail) {
        String subject = language == Language.DE
                ? "Wie zufrieden waren Sie? Ihr Ticket " + mail.reference()
                : "How did we do? Your ticket " + mail.reference();
        return render(List.of(to), subject,
                () -> language == Language.DE ? Templates.survey_de(mail) : Templates.survey_en(mail));
    }

    /** Ops alerts are for the support team and always in English. */
    public OutgoingMail slaBreachAlert(List<String> to, SlaBreachAlertMail mail) {
        String subject = "[SLA breach] " + mail.reference() + " " + mail.priority() + " " + mail.plan()
                + ": response target of " + mail.target() + " missed";
        return render(to, subject, () -> Templates.slaBreachAlert(mail));
    }

    /** Pages are for the on-call team and always in English. */
    public OutgoingMail onCallPage(String to, OnCallPageMail mail) {
        return render(List.of(to), mail.subject(), () -> Templates.onCallPage(mail));
    }

    /** Escalations are for the support team and always in English. */
    public OutgoingMail escalation(String to, EscalationMail mail) {
        return render(List.of(to), mail.subject(), () -> Templates.escalation(mail));
    }

    private static OutgoingMail render(List<String> to, String subject, Supplier<TemplateInstance> template) {
        List<String> recipients = to.stream().map(HeaderText::clean).toList();
        return new OutgoingMail(recipients, HeaderText.clean(subject),
                variant(template.get(), Variant.TEXT_PLAIN), variant(template.get(), Variant.TEXT_HTML));
    }

    private static String variant(TemplateInstance template, String contentType) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
