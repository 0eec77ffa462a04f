package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;

/** Fingerprints are stored with tickets: adding submittedAt must not change those of tickets stored before. */
class SubmissionFingerprintTest {

    // The SHA-256 of this submission as fingerprinted before submittedAt existed (computed outside Java).
    private static final String STORED_BEFORE_THE_FIELD =
            "37278e143d1eb5d60f29642903c49ce87f9f735e91dc40fdb2cb95aca320babf";

    @Test
    void aSubmissionWithoutContactTimeKeepsTheFingerprintItHadBeforeTheField() {
        assertThat(SubmissionFingerprint.of(submission(null))).isEqualTo(STORED_BEFORE_THE_FIELD);
    }

    @Test
    void theContactTimeIsPartOfWhatARetryMustRepeat() {
        Instant contact = Instant.parse("2026-11-25T09:30:00Z");

        assertThat(SubmissionFingerprint.of(submission(contact)))
                .isEqualTo(SubmissionFingerprint.of(submission(Instant.parse("2026-11-25T10:30:00+01:00"))))
                .isNotEqualTo(STORED_BEFORE_THE_FIELD)
                .isNotEqualTo(SubmissionFingerprint.of(submission(contact.plusSeconds(1))));
    }

    private static TicketSubmission submission(Instant submittedAt) {
        return new TicketSubmission(Channel.WEB, "form-4711", "form-4711", Plan.PRO,
                new Customer("ACME-7", "Ada Lovelace", "ada@example.com", "en"), "Cannot join any meeting",
                "Since 9:00 every join fails.", null, Impact.SERVICE_DOWN, Workaround.NONE, submittedAt);
    }
}
