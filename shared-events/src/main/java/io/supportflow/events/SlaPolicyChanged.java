package io.supportflow.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SLA policy as it reads from {@code version} on, whole: every service that shows or applies a part of it
 * (triage's review queue, notification's "ticket logged" message, intake's entitlements, sla's clocks) takes it
 * from here. Written by sla-service on the compacted topic {@code sla.policies} under one key, so the newest
 * version is what a consumer that reads the topic from its start ends with.
 *
 * @param responseTargets  time to tell the customer the ticket is logged, per plan and priority, calendar time
 * @param warningFractions fractions of the response target at which ops are warned
 * @param entitlements     the channels each plan includes
 */
public record SlaPolicyChanged(int version, Map<Plan, Map<Priority, Duration>> responseTargets,
                               List<Double> warningFractions, Handling handling, List<Escalation> escalations,
                               Map<Plan, List<Channel>> entitlements, String changedBy, Instant at)
        implements SupportEvent {

    /** The one key of the topic: there is one policy. */
    public static final String KEY = "sla-policy";

    /** Not about a ticket. */
    @Override
    public String ticketId() {
        return null;
    }

    @Override
    public String key() {
        return KEY;
    }

    /** The response target of {@code plan} at {@code priority}. */
    public Duration responseTarget(Plan plan, Priority priority) {
        return responseTargets.get(plan).get(priority);
    }

    /**
     * When tickets are taken up.
     *
     * @param modes           the handling mode of each priority
     * @param extendedCover   the plans whose BUSINESS_HOURS_EXTENDED tickets have people outside business hours
     * @param targets         time from handleFrom to the first take-up, per plan and priority
     * @param closingMargin   a business-hours ticket arriving this close to a closing is handled from the next opening
     * @param defaultSchedule the business-hours schedule of plans {@code schedules} does not name
     * @param rotation        the on-call rotation paged for P1, and for P2 outside business hours under extended cover
     */
    public record Handling(Map<Priority, HandlingMode> modes, Set<Plan> extendedCover,
                           Map<Plan, Map<Priority, Duration>> targets, double warningFraction, Duration closingMargin,
                           String defaultSchedule, Map<Plan, String> schedules, String rotation) {
    }

    /**
     * One level of the escalation ladder: {@code after} the trigger, with nobody taking the ticket up, its
     * recipients are told; for the plans and priorities it names (all when empty).
     *
     * @param recipients {@code email:<address>}, {@code webhook:<name>} or {@code on-call}
     * @param schedule   the recipients' business-hours schedule (not for P1); null: the ticket's
     */
    public record Escalation(EscalationTrigger trigger, Duration after, Set<Plan> plans, Set<Priority> priorities,
                             List<String> recipients, String schedule) {
    }
}
