package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.events.Plan;
import io.supportflow.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEditTest {

    /** A policy as GET /api/v1/sla/policy answers it, cut down (the edit must not care what else is in it). */
    private static final String POLICY = """
            {"version":3,
             "responseTargets":{"PRO":{"P1":"PT1H","P2":"PT4H","P3":"PT24H","P4":"PT24H"},
                                "BUSINESS":{"P1":"PT1H","P2":"PT4H","P3":"PT24H","P4":"PT24H"}},
             "warningFractions":[0.75,0.5],
             "handling":{"modes":{"P1":"ROUND_THE_CLOCK"},"warningFraction":0.75,"closingMargin":"PT30M",
                         "targets":{"PRO":{"P2":"PT2H"}},"rotation":"default"},
             "escalations":[{"trigger":"RESPONSE_BREACH","after":"PT15M","plans":[],"priorities":[],
                             "recipients":["email:support-leads@supportflow.example"],"schedule":null}],
             "entitlements":{"PRO":["WEB","CHAT"]},
             "changedBy":"ops","at":"2026-03-02T10:15:30.123Z"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changesOneResponseTargetAndLeavesEverythingElseAsItCame() throws Exception {
        String edited = PolicyEdit.withResponseTarget(POLICY, Plan.PRO, Priority.P2, Duration.ofHours(2));

        JsonNode expected = JSON.readTree(POLICY);
        ((ObjectNode) expected.path("responseTargets").path("PRO")).put("P2", "PT2H");
        assertThat(JSON.readTree(edited)).isEqualTo(expected);
        assertThat(PolicyEdit.responseTarget(edited, Plan.PRO, Priority.P2)).isEqualTo(Duration.ofHours(2));
        assertThat(PolicyEdit.responseTarget(edited, Plan.BUSINESS, Priority.P2)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void writesTargetsAsIsoDurations() throws Exception {
        String edited = PolicyEdit.withResponseTarget(POLICY, Plan.BUSINESS, Priority.P3, Duration.ofMinutes(90));
        assertThat(JSON.readTree(edited).path("responseTargets").path("BUSINESS").path("P3").asText())
                .isEqualTo("PT1H30M");
    }

    @Test
    void readsTargetsFractionsVersionAndWhenTheVersionWasMade() {
        assertThat(PolicyEdit.responseTarget(POLICY, Plan.PRO, Priority.P3)).isEqualTo(Duration.ofHours(24));
        assertThat(PolicyEdit.warningFractions(POLICY)).containsExactly(0.75, 0.5);
        assertThat(PolicyEdit.version(POLICY)).isEqualTo(3);
        assertThat(PolicyEdit.changedAt(POLICY)).isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
        assertThat(PolicyEdit.changedAt("{\"at\":1772446530.123000000}"))
                .isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
    }

    @Test
    void aCellThePolicyDoesNotHaveIsRefusedByName() {
        assertThatThrownBy(() -> PolicyEdit.withResponseTarget(POLICY, Plan.FREE, Priority.P2, Duration.ofHours(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("responseTargets.FREE.P2");
        assertThatThrownBy(() -> PolicyEdit.responseTarget("{\"responseTargets\":{\"PRO\":{\"P2\":\"soon\"}}}",
                Plan.PRO, Priority.P2)).hasMessageContaining("not an ISO-8601 duration");
    }

    @Test
    void somethingElseThanAPolicyIsRefused() {
        assertThatThrownBy(() -> PolicyEdit.version("<html>login</html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PolicyEdit.version("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> PolicyEdit.changedAt("{}")).hasMessageContaining("does not say when");
        assertThat(PolicyEdit.warningFractions("{}")).isEqualTo(List.of());
    }
}
