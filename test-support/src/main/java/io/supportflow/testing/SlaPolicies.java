package io.supportflow.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.supportflow.events.Channel;
import io.supportflow.events.EscalationTrigger;
import io.supportflow.events.EventEnvelope;
import io.supportflow.events.HandlingMode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import io.supportflow.events.SlaPolicyChanged;

/**
 * SLA policies as sla-service publishes them, for the tests of services that follow {@code sla.policies} without
 * an sla-service running: the shipped policy (DESIGN.md's tables), or it with one response target changed.
 */
public final class SlaPolicies {

    private SlaPolicies() {
    }

    /** The shipped policy at {@code version}. */
    public static SlaPolicyChanged shipped(int version) {
        return withResponseTarget(version, Plan.FREE, Priority.P1, Duration.ofHours(24));
    }

    /** The shipped policy at {@code version}, with the response target of {@code plan} × {@code priority} changed. */
    public static SlaPolicyChanged withResponseTarget(int version, Plan plan, Priority priority, Duration target) {
        Map<Plan, Map<Priority, Duration>> response = table(Duration.ofHours(1), Duration.ofHours(4),
                Duration.ofHours(24), Duration.ofHours(24));
        response.put(Plan.FREE, row(Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofHours(24)));
        response.get(plan).put(priority, target);
        Map<Plan, Map<Priority, Duration>> handling = table(Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(10), Duration.ofHours(30));
        handling.put(Plan.FREE, row(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(20), Duration.ofHours(60)));
        Map<Plan, List<Channel>> entitlements = new EnumMap<>(Plan.class);
        for (Plan each : Plan.values()) {
            entitlements.put(each, each == Plan.FREE || each == Plan.PRO ? List.of(Channel.WEB, Channel.CHAT)
                    : List.of(Channel.WEB, Channel.CHAT, Channel.PHONE));
        }
        return new SlaPolicyChanged(version, response, List.of(0.75),
                new SlaPolicyChanged.Handling(Map.of(Priority.P1, HandlingMode.ROUND_THE_CLOCK,
                        Priority.P2, HandlingMode.BUSINESS_HOURS_EXTENDED, Priority.P3, HandlingMode.BUSINESS_HOURS,
                        Priority.P4, HandlingMode.BUSINESS_HOURS),
                        Set.of(Plan.PRO, Plan.BUSINESS, Plan.ENTERPRISE, Plan.EDUCATION, Plan.API), handling, 0.75,
                        Duration.ofMinutes(15), "default", Map.of(), "default"),
                List.of(new SlaPolicyChanged.Escalation(EscalationTrigger.HANDLING_BREACH, Duration.ZERO, Set.of(),
                        Set.of(), List.of("email:support-leads@supportflow.example"), null)),
                entitlements, "ops", Instant.now());
    }

    /** The shipped policy at {@code version}, with the channels {@code plan} includes changed. */
    public static SlaPolicyChanged withEntitlement(int version, Plan plan, List<Channel> channels) {
        SlaPolicyChanged shipped = shipped(version);
        Map<Plan, List<Channel>> entitlements = new EnumMap<>(shipped.entitlements());
        entitlements.put(plan, channels);
        return new SlaPolicyChanged(version, shipped.responseTargets(), shipped.warningFractions(), shipped.handling(),
                shipped.escalations(), entitlements, shipped.changedBy(), shipped.at());
    }

    /** The policy as sla-service's outbox would publish it, with a fresh event id. */
    public static EventEnvelope envelope(SlaPolicyChanged policy) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/supportflow/sla-service", policy.at(), policy);
    }

    private static Map<Plan, Map<Priority, Duration>> table(Duration p1, Duration p2, Duration p3, Duration p4) {
        Map<Plan, Map<Priority, Duration>> table = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            table.put(plan, row(p1, p2, p3, p4));
        }
        return table;
    }

    private static Map<Priority, Duration> row(Duration p1, Duration p2, Duration p3, Duration p4) {
        Map<Priority, Duration> row = new EnumMap<>(Priority.class);
        row.put(Priority.P1, p1);
        row.put(Priority.P2, p2);
        row.put(Priority.P3, p3);
        row.put(Priority.P4, p4);
        return row;
    }
}
