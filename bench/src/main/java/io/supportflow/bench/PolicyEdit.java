package io.supportflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA policy document as {@code GET /api/v1/sla/policy} returns it, read and changed as a JSON tree: a change
 * sends back every other part exactly as it came (handling, escalations, entitlements the benchmark knows nothing
 * of), so the new version differs from the old in one response target only.
 */
final class PolicyEdit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyEdit() {
    }

    /** The body with {@code responseTargets.<plan>.<priority>} set to {@code target} (ISO-8601, e.g. PT2H). */
    static String withResponseTarget(String policy, Plan plan, Priority priority, Duration target) {
        JsonNode document = read(policy);
        cell(document, plan, priority); // it must be there: a cell the service does not know is a 400
        ((ObjectNode) document.path("responseTargets").path(plan.name())).put(priority.name(), target.toString());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the SLA policy", e);
        }
    }

    static Duration responseTarget(String policy, Plan plan, Priority priority) {
        JsonNode cell = cell(read(policy), plan, priority);
        try {
            return Duration.parse(cell.asText());
        } catch (RuntimeException e) {
            throw new IllegalStateException("responseTargets." + plan + "." + priority + " of the SLA policy is not "
                    + "an ISO-8601 duration: " + cell);
        }
    }

    /** The fractions of a response target at which ops are warned (none: empty). */
    static List<Double> warningFractions(String policy) {
        List<Double> fractions = new ArrayList<>();
        read(policy).path("warningFractions").forEach(fraction -> fractions.add(fraction.asDouble()));
        return fractions;
    }

    static int version(String policy) {
        JsonNode version = read(policy).path("version");
        if (!version.canConvertToInt()) {
            throw new IllegalStateException("the SLA policy has no version: " + abbreviated(policy));
        }
        return version.asInt();
    }

    /** When the version was made: the instant a change rang every open clock's alarm at. */
    static Instant changedAt(String policy) {
        JsonNode at = read(policy).path("at");
        if (at.isNumber()) { // a mapper writing instants as seconds since the epoch
            return Instant.ofEpochSecond(0).plusNanos(at.decimalValue().movePointRight(9).longValueExact());
        }
        if (!at.isTextual()) {
            throw new IllegalStateException("the SLA policy does not say when it was made: " + abbreviated(policy));
        }
        return Instant.parse(at.asText());
    }

    private static JsonNode cell(JsonNode document, Plan plan, Priority priority) {
        JsonNode cell = document.path("responseTargets").path(plan.name()).path(priority.name());
        if (!cell.isTextual()) {
            throw new IllegalStateException("the SLA policy has no response target for " + plan + " " + priority
                    + " (responseTargets." + plan + "." + priority + ")");
        }
        return cell;
    }

    private static JsonNode read(String policy) {
        try {
            JsonNode document = JSON.readTree(policy);
            if (document == null || !document.isObject()) {
                throw new IllegalStateException("the SLA policy is not a JSON object: " + abbreviated(policy));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SLA policy is not JSON: " + abbreviated(policy), e);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "nothing" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
