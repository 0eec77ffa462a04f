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

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "none of our 400 attendees can get into the webinar, it starts in 5 minutes, no workaround|P1",
            "Seit 9 Uhr kommt keiner unserer Teilnehmer mehr ins Webinar, keine Umgehung möglich|P1",
            "Feature request: please add a dark mode to the presenter app|P4",
            "Wir hätten gern eine Schulung für unsere neuen Moderatoren, bitte um ein Angebot|P4",
            "Question about our invoice: the VAT number is missing|P4"})
    void textAloneDecidesClearTicketsAndNamesItsEvidence(String text, Priority expected) {
        TriageDecision decision = decide(null, null, null, text);
        assertThat(decision.priority()).isEqualTo(expected);
        assertThat(decision.needsReview()).isFalse();
        assertThat(decision.rule()).isEqualTo("text:" + expected);
        assertThat(decision.reason()).contains("strongest: ");
    }

    @Test
    void anOutageDeniedInTheTextIsNotReadAsOne() {
        TriageDecision decision = decide(null, null, null,
                "No outage, everything works. Small thing: the poll results export uses the wrong date format.");
        assertThat(decision.clockPriority()).isNotEqualTo(Priority.P1);
        assertThat(decision.priority()).isIn(Priority.P3, Priority.P4);
    }

    @Test
    void aTextWithNoKnownWordGoesToReview() {
        TriageDecision decision = decide(null, null, null, "Xyzzy qwrtz");
        assertThat(decision.needsReview()).isTrue();
        assertThat(decision.rule()).isEqualTo("review:text-unsure");
    }

    @Test
    void aReviewTicketsClockIsNeverLooserThanItsProvisionalPriority() {
        TriageDecision decision = decide(null, null, null, "Hallo, bitte um Rückruf");
        assertThat(decision.clockPriority().compareTo(decision.priority())).isLessThanOrEqualTo(0);
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
}
