package io.supportflow.events;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One filled-in instance of every event type. */
final class SampleEvents {

    static final String TICKET = "0b8c2f0e-7d4a-5c1e-9f3b-2a6d8e4c1b7a";
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");

    private SampleEvents() {
    }

    static List<SupportEvent> all() {
        Customer customer = new Customer("ACME-42", "Jörg Müller", "joerg@example.com", "de");
        Duration hour = Duration.ofHours(1);
        Instant due = T0.plus(hour);
        return List.of(
                new TicketReceived(TICKET, "SF-7K3M9QX2", Channel.WEB, "form-991", Plan.BUSINESS, customer,
                        "Anmeldung schlägt fehl", "Seit heute früh\nkein Login möglich.", Category.OUTAGE,
                        Impact.SERVICE_DOWN, Workaround.NONE, T0),
                new TicketReceived(TICKET, "SF-7K3M9QX2", Channel.CHAT, "chat-17", Plan.FREE, customer, "Login",
                        "Kein Login.", null, null, null, T0, T0.minusSeconds(120), Plan.BUSINESS),
                new TicketResolved(TICKET, T0.plusSeconds(600), "agent.alex", "Cache cleared"),
                new TicketAcknowledged(TICKET, T0.plusSeconds(300), "agent.alex", "agent.kim"),
                new TicketReopened(TICKET, T0.plusSeconds(900), "agent.alex", "Customer reports it again"),
                new PriorityAssigned(TICKET, Priority.P1, null, PrioritySource.RULES, "impact-service-down",
                        "Service down without workaround", null, T0.plusSeconds(1)),
                new TriageReviewRequested(TICKET, Priority.P2, "Impact and text disagree", T0.plusSeconds(1)),
                new CustomerNotified(TICKET, NotificationKind.TICKET_LOGGED, "joerg@example.com",
                        "<abc@supportflow>", T0.plusSeconds(2)),
                new NotificationFailed(TICKET, NotificationKind.SURVEY, "joerg@example.com", 7,
                        "Connection refused", T0.plusSeconds(3600)),
                new SlaWarning(TICKET, Plan.BUSINESS, Priority.P1, hour, T0, due, T0.plusSeconds(2700)),
                new SlaMet(TICKET, Plan.BUSINESS, Priority.P1, hour, T0, due, T0.plusSeconds(2)),
                new SlaBreachRetracted(TICKET, Plan.BUSINESS, Priority.P1, hour, T0, due, due.plusSeconds(5)),
                new SlaBreached(TICKET, "SF-7K3M9QX2", Plan.BUSINESS, Priority.P1, hour, T0, due, due),
                new HandlingScheduled(TICKET, "SF-7K3M9QX2", Plan.BUSINESS, Priority.P1, HandlingMode.ROUND_THE_CLOCK,
                        "default", T0, hour, due, List.of(Recipient.email("oncall@example.com"),
                        Recipient.webhook("pager")), T0.plusSeconds(1)),
                new HandlingWarning(TICKET, Plan.BUSINESS, Priority.P1, HandlingMode.ROUND_THE_CLOCK, "default", T0,
                        hour, due, T0.plusSeconds(2700)),
                new HandlingMet(TICKET, Plan.BUSINESS, Priority.P1, HandlingMode.ROUND_THE_CLOCK, "default", T0, hour,
                        due, T0.plusSeconds(300)),
                new HandlingBreached(TICKET, "SF-7K3M9QX2", Plan.BUSINESS, Priority.P1,
                        HandlingMode.ROUND_THE_CLOCK, "default", T0, hour, due, due),
                new HandlingBreachRetracted(TICKET, Plan.BUSINESS, Priority.P1, HandlingMode.ROUND_THE_CLOCK,
                        "default", T0, hour, due, due.plusSeconds(5)),
                new SlaEscalated(TICKET, "SF-7K3M9QX2", Plan.BUSINESS, Priority.P1, 2,
                        EscalationTrigger.HANDLING_BREACH, List.of(Recipient.email("lead@example.com")),
                        due.plusSeconds(1800)),
                new ScheduleChanged("berlin-office", 3, "Europe/Berlin",
                        Map.of(DayOfWeek.MONDAY, List.of(new OpeningInterval("08:00", "12:00"),
                                new OpeningInterval("13:00", "18:00"))),
                        List.of(new Holiday(LocalDate.of(2026, 10, 3), "Tag der Deutschen Einheit")), "ops", T0),
                new RotationChanged("first-line", 1, T0, Duration.ofDays(7),
                        List.of(new OnCallMember("Kim", "kim@example.com")), List.of("pager"), "ops", T0),
                new AccountChanged("ACME-42", 2, Plan.BUSINESS, "EU", "de", "berlin-office", "billing", T0),
                new SlaPolicyChanged(4, Map.of(Plan.PRO, Map.of(Priority.P1, hour)), List.of(0.5, 0.75),
                        new SlaPolicyChanged.Handling(Map.of(Priority.P1, HandlingMode.ROUND_THE_CLOCK), Set.of(Plan.PRO),
                                Map.of(Plan.PRO, Map.of(Priority.P1, Duration.ofMinutes(30))), 0.75,
                                Duration.ofMinutes(15), "default", Map.of(Plan.PRO, "berlin-office"), "first-line"),
                        List.of(new SlaPolicyChanged.Escalation(EscalationTrigger.HANDLING_BREACH, Duration.ofMinutes(30),
                                Set.of(), Set.of(Priority.P1), List.of("email:lead@example.com"), null)),
                        Map.of(Plan.PRO, List.of(Channel.WEB, Channel.CHAT)), "ops", T0),
                new SurveyRequested(TICKET, "survey-1", "http://localhost:8085/surveys/tok", "joerg@example.com",
                        "de", T0.plus(Duration.ofDays(30))),
                new SurveyCompleted(TICKET, "survey-1", 5, "Schnell & freundlich", T0.plusSeconds(7200)),
                new SubmissionAccepted("c0ffee00-1", Channel.CHAT, "chat-17", TICKET, "SF-7K3M9QX2", "en",
                        List.of("customer.locale fr-CA is not a language SupportFlow writes in [en, de]: the customer "
                                + "is written to in en"), T0),
                new SubmissionRefused("c0ffee00-2", Channel.PHONE, "call-88", 422, "Unprocessable Content",
                        "Account ACME-43 is not known", List.of(new SubmissionRefused.FieldFault("customer.accountId",
                        "is not in the account directory")), T0));
    }
}
