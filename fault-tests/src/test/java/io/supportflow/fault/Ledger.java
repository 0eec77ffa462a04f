package io.supportflow.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.supportflow.events.CustomerNotified;
import io.supportflow.events.EventType;
import io.supportflow.events.NotificationKind;
import io.supportflow.events.PriorityAssigned;
import io.supportflow.events.PrioritySource;
import io.supportflow.events.SlaMet;
import io.supportflow.testing.ReceivedRecord;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What happened to each accepted ticket, counted from the topics and the mailbox. A record that
 * reached a topic twice with the same {@code ce_id} is a redelivery (at-least-once publishing after
 * a crash; every consumer skips ids it has seen): counted, not a fault. Two different ids for one
 * step of one ticket would be a fault. Mail likewise: the same message (same Message-ID) taken twice
 * by the server is an extra mail, counted; two different messages would be a fault.
 */
final class Ledger {

    /** One ticket's count of each step: distinct events, and records including redeliveries. */
    record Tally(String ticketId, int received, int decisions, int loggedNotifications, int loggedMails,
                 int distinctLoggedMails, int slaOutcomes, int breaches, int redeliveries, boolean metAtSendTime) {

        boolean complete() {
            return received == 1 && decisions == 1 && loggedNotifications == 1 && distinctLoggedMails == 1
                    && slaOutcomes == 1 && breaches <= 1 && metAtSendTime;
        }
    }

    /** The sum over all accepted tickets, for the report. */
    record Summary(int accepted, int complete, int extraMails, int redeliveries, List<Tally> incomplete) {

        int lost() {
            return accepted - complete;
        }
    }

    private Ledger() {
    }

    static Summary of(Map<String, String> accepted, List<ReceivedRecord> records, MimeMessage[] mails) {
        Map<String, List<ReceivedRecord>> byTicket = records.stream()
                .filter(r -> r.key() != null && accepted.containsKey(r.key()))
                .collect(Collectors.groupingBy(ReceivedRecord::key));
        Map<String, List<String>> mailsTo = messageIdsByRecipient(mails);
        List<Tally> incomplete = new ArrayList<>();
        int complete = 0;
        int extraMails = 0;
        int redeliveries = 0;
        for (Map.Entry<String, String> ticket : accepted.entrySet()) {
            Tally tally = tally(ticket.getKey(), byTicket.getOrDefault(ticket.getKey(), List.of()),
                    mailsTo.getOrDefault(ticket.getValue(), List.of()));
            redeliveries += tally.redeliveries();
            extraMails += Math.max(0, tally.loggedMails() - 1);
            if (tally.complete()) {
                complete++;
            } else {
                incomplete.add(tally);
            }
        }
        return new Summary(accepted.size(), complete, extraMails, redeliveries, incomplete);
    }

    private static Tally tally(String ticketId, List<ReceivedRecord> records, List<String> mailIds) {
        int received = distinct(records, type(EventType.TICKET_RECEIVED));
        int decisions = distinct(records, type(EventType.TRIAGE_REVIEW_REQUESTED).or(Ledger::rulesDecision));
        int logged = distinct(records, type(EventType.CUSTOMER_NOTIFIED).and(r ->
                ((CustomerNotified) r.envelope().event()).kind() == NotificationKind.TICKET_LOGGED));
        int outcomes = distinct(records, type(EventType.SLA_MET).or(type(EventType.SLA_BREACHED)));
        int breaches = distinct(records, type(EventType.SLA_BREACHED));
        int redeliveries = records.size() - (int) records.stream().map(r -> r.header("ce_id")).distinct().count();
        return new Tally(ticketId, received, decisions, logged, mailIds.size(), (int) mailIds.stream().distinct().count(),
                outcomes, breaches, redeliveries,
                metAtSendTime(records));
    }

    /**
     * The clock stops at the time the mail server took the "ticket logged" message, not at the
     * time the SLA service heard of it: after a mail outage the two are far apart.
     */
    private static boolean metAtSendTime(List<ReceivedRecord> records) {
        Optional<Instant> sentAt = records.stream().filter(type(EventType.CUSTOMER_NOTIFIED))
                .map(r -> (CustomerNotified) r.envelope().event())
                .filter(notified -> notified.kind() == NotificationKind.TICKET_LOGGED)
                .map(CustomerNotified::sentAt).min(Comparator.naturalOrder());
        return records.stream().filter(type(EventType.SLA_MET))
                .allMatch(r -> sentAt.equals(Optional.of(((SlaMet) r.envelope().event()).at())));
    }

    private static boolean rulesDecision(ReceivedRecord record) {
        return type(EventType.PRIORITY_ASSIGNED).test(record)
                && ((PriorityAssigned) record.envelope().event()).source() == PrioritySource.RULES;
    }

    private static Predicate<ReceivedRecord> type(EventType type) {
        return r -> type.ceType().equals(r.header("ce_type"));
    }

    private static int distinct(List<ReceivedRecord> records, Predicate<ReceivedRecord> filter) {
        Set<String> ids = records.stream().filter(filter).map(r -> r.header("ce_id")).collect(Collectors.toSet());
        return ids.size();
    }

    /** The Message-ID of every message the server took, by recipient; the load's customers get one kind only. */
    private static Map<String, List<String>> messageIdsByRecipient(MimeMessage[] mails) {
        Map<String, List<String>> ids = new HashMap<>();
        for (MimeMessage mail : mails) {
            try {
                Address[] to = mail.getRecipients(MimeMessage.RecipientType.TO);
                for (Address recipient : to == null ? new Address[0] : to) {
                    ids.computeIfAbsent(recipient.toString(), address -> new ArrayList<>()).add(mail.getMessageID());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the test mailbox", e);
            }
        }
        return ids;
    }
}
