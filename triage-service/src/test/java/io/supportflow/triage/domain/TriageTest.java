package io.supportflow.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;
import io.supportflow.triage.support.ConfiguredRules;

/** Every row of the shipped decision table, the keyword groups in both languages, and how conflicts are handled. */
class TriageTest {

    private static TriageDecision decide(Category category, Impact impact, Workaround workaround, String text) {
        return ConfiguredRules.triage().decide(new TriageInput(category, impact, workaround, text, ""));
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "SERVICE_DOWN, NONE, P1", "SERVICE_DOWN, PARTIAL, P2", "SERVICE_DOWN, AVAILABLE, P2",
            "SEVERELY_IMPAIRED, NONE, P1", "SEVERELY_IMPAIRED, PARTIAL, P2", "SEVERELY_IMPAIRED, AVAILABLE, P3",
            "IMPAIRED, NONE, P2", "IMPAIRED, PARTIAL, P2", "IMPAIRED, AVAILABLE, P3",
            "MINIMAL, NONE, P3", "MINIMAL, PARTIAL, P3", "MINIMAL, AVAILABLE, P3"})
    void impactAndWorkaroundDecide(Impact impact, Workaround workaround, Priority expected) {
        TriageDecision decision = decide(null, impact, workaround, "Ticket");
        assertThat(decision.needsReview()).isFalse();
        assertThat(decision.priority()).isEqualTo(expected);
        assertThat(decision.rule()).isEqualTo("impact:" + impact + "/" + workaround);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"OUTAGE, P1", "DEGRADED, P2", "FEATURE_PROBLEM, P3", "QUESTION, P4", "FEATURE_REQUEST, P4",
            "INSTALLATION, P4", "CONFIGURATION, P4", "BETA, P4", "PROFESSIONAL_SERVICES, P4"})
    void categoryDecidesWhenNoImpactIsGiven(Category category, Priority expected) {
        TriageDecision decision = decide(category, null, null, "Ticket");
        assertThat(decision.priority()).isEqualTo(expected);
        assertThat(decision.rule()).isEqualTo("category:" + category);
        assertThat(decision.needsReview()).isFalse();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "outage|Our portal is down for everyone|P1",
            "outage|Das System ist komplett ausgefallen|P1",
            "outage|Der Login funktioniert nicht|P1",
            "outage|Since nine nobody can join: cannot join any meeting|P1",
            "degraded|Pages are very slow since yesterday|P2",
            "degraded|Anrufe brechen sporadisch ab|P2",
            "feature-problem|The CSV export has a bug in the date column|P3",
            "feature-problem|Im Export wird das Datum falsch angezeigt|P3",
            "question|How do I export my tickets?|P4",
            "question|Wo finde ich die Dokumentation?|P4",
            "feature-request|Feature request: a dark theme|P4",
            "feature-request|Ein dunkles Design wäre schön|P4",
            "installation|Which parameters does the installer accept?|P4",
            "installation|Wie installiere ich den Client? Systemvoraussetzungen?|P4",
            "configuration|How do I configure the sender domain?|P4",
            "configuration|Wie kann ich die Umfrage deaktivieren?|P4",
            "beta|The beta editor loses table borders|P4",
            "beta|Die Vorabversion zeigt das alte Logo|P4",
            "professional-services|Do you offer training for new agents?|P4",
            "professional-services|Wir brauchen eine Schulung und Beratung|P4"})
    void textDecidesWhenNoStructuredFieldIsGiven(String group, String text, Priority expected) {
        TriageDecision decision = decide(null, null, null, text);
        assertThat(decision.rule()).isEqualTo("text:" + group);
        assertThat(decision.priority()).isEqualTo(expected);
        assertThat(decision.needsReview()).isFalse();
    }

    @Test
    void aDownloadProblemIsNotAnOutage() {
        TriageDecision decision = decide(null, null, null, "The download of invoices fails with an error");
        assertThat(decision.rule()).isEqualTo("text:feature-problem");
        assertThat(decision.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void impactDecidesUrgentTicketsAndCategoryDecidesRoutineOnes() {
        assertThat(decide(Category.FEATURE_PROBLEM, Impact.IMPAIRED, Workaround.NONE, "").priority()).isEqualTo(Priority.P2);
        assertThat(decide(Category.INSTALLATION, Impact.MINIMAL, Workaround.AVAILABLE, "").priority()).isEqualTo(Priority.P4);
    }

    @Test
    void anImpactWithoutWorkaroundIsReadCautiouslyAndSaysSo() {
        TriageDecision decision = decide(null, Impact.SERVICE_DOWN, null, "");
        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.reason()).contains("workaround not stated");
    }

    @Test
    void contradictingFieldsAreSettledByTextThatAgreesWithTheUrgentSide() {
        TriageDecision decision = decide(Category.QUESTION, Impact.SERVICE_DOWN, Workaround.NONE,
                "Is there an outage? Nothing loads.");
        assertThat(decision.needsReview()).isFalse();
        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.reason()).contains("the text agrees");
    }

    @Test
    void contradictingFieldsWithoutAgreeingTextGoToReviewAtTheUrgentSide() {
        TriageDecision decision = decide(Category.FEATURE_REQUEST, Impact.SERVICE_DOWN, Workaround.NONE, "Dark mode please");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.rule()).isEqualTo("review:fields-contradict");
    }

    @Test
    void textThatAgreesWithTheRoutineSideCannotDowngradeSilently() {
        TriageDecision decision = decide(Category.FEATURE_PROBLEM, Impact.SERVICE_DOWN, Workaround.NONE,
                "Small bug in the export");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.priority()).isEqualTo(Priority.P1);
    }

    @Test
    void anOutageInTheTextOfARoutineTicketGoesToReview() {
        TriageDecision decision = decide(Category.QUESTION, null, null, "Everything is down, when will it be back?");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.rule()).isEqualTo("review:text-contradicts-fields");
    }

    @Test
    void textThatSpeaksOfAnOutageAndOfARequestGoesToReview() {
        TriageDecision decision = decide(null, null, null, "Feature request: show a banner during an outage");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.rule()).isEqualTo("review:text-contradicts-itself");
    }

    @Test
    void aRequestKindOutranksAGenericProblemWord() {
        TriageDecision decision = decide(null, null, null, "The beta editor has a bug");
        assertThat(decision.rule()).isEqualTo("text:beta");
        assertThat(decision.priority()).isEqualTo(Priority.P4);
    }

    @Test
    void nothingMatchedGoesToReviewWithTheConfiguredProvisionalPriority() {
        TriageDecision decision = decide(null, null, null, "Hallo, bitte um Rückruf");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.priority()).isEqualTo(Priority.P3);
        assertThat(decision.rule()).isEqualTo("review:no-match");
    }
}
