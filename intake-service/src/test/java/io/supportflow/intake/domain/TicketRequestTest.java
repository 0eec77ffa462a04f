package io.supportflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Plan;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ValidationProblems;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** The rules the HTTP tests cannot tell apart by their answer, and what a valid request becomes. */
class TicketRequestTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static TicketRequest request(String externalRef, String subject, String email, String locale,
                                         String submittedAt) {
        return new TicketRequest(null, externalRef, "PRO",
                new TicketRequest.CustomerRequest("ACME-7", "Ada Lovelace", email, locale), subject,
                "Since 9:00 every join fails.", null, null, null, submittedAt);
    }

    private static TicketRequest valid() {
        return request("ref-1", "Cannot join", "ada@example.com", null, null);
    }

    private static List<FieldError> faultsOf(TicketRequest request) {
        return ValidationProblems.fieldErrors(VALIDATION.getValidator().validate(request));
    }

    @Test
    void aValidRequestHasNoFaults() {
        assertThat(faultsOf(valid())).isEmpty();
    }

    @Test
    void aRequiredFieldOfOnlyATabIsReportedMissingOnce() {
        assertThat(faultsOf(request("ref-1", "\t", "\t", null, null))).containsExactly(
                new FieldError("customer.email", "is required"),
                new FieldError("subject", "is required"));
    }

    @Test
    void anOptionalFieldIsCheckedWhateverItHolds() {
        assertThat(faultsOf(request("\t", "Cannot join", "ada@example.com", "", null))).containsExactly(
                new FieldError("customer.locale", "must be a language tag such as en, de or fr-CA"),
                new FieldError("externalRef", "must be a single line without control characters"));
    }

    @Test
    void anAddressWithALineBreakBreaksBothRules() {
        assertThat(faultsOf(request("ref-1", "Cannot join", "ada@example.com\nBcc: x@example.com", null, null)))
                .extracting(FieldError::message)
                .containsExactly("is not an email address", "must be a single line without control characters");
    }

    @Test
    void theSubmissionTakesTheDefaultsAndKeepsTheContactTimeToTheMillisecond() {
        TicketRequest request = request("ref-1", "Cannot join", "ada@example.com", "DE", "2026-11-25T10:00:00.123456Z");

        TicketSubmission submission = request.toSubmission(Channel.CHAT, null);

        assertThat(submission.channel()).isEqualTo(Channel.CHAT);
        assertThat(submission.plan()).isEqualTo(Plan.PRO);
        assertThat(submission.customer()).isEqualTo(new Customer("ACME-7", "Ada Lovelace", "ada@example.com", "de"));
        assertThat(submission.submittedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
        assertThat(submission.category()).isNull();
        assertThat(valid().toSubmission(Channel.WEB, null).customer().locale()).isEqualTo("en");
    }

    @Test
    void theIdempotencyKeyIsTheHeaderOrWithoutOneTheExternalRef() {
        assertThat(valid().toSubmission(Channel.WEB, "key-9").submissionKey()).isEqualTo("key-9");
        assertThat(valid().toSubmission(Channel.WEB, null).submissionKey()).isEqualTo("ref-1");
        assertThat(valid().toSubmission(Channel.WEB, "  ").submissionKey()).isEqualTo("ref-1");
        assertThat(valid().toSubmission(Channel.WEB, "key-9").externalRef()).isEqualTo("ref-1");
    }
}
