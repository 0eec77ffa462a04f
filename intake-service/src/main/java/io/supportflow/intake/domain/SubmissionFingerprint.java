package io.supportflow.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A digest of what a submission says, to tell a retry (same content) from a conflicting reuse of its key. */
public final class SubmissionFingerprint {

    private SubmissionFingerprint() {
    }

    public static String of(TicketSubmission submission) {
        String canonical = String.join("\u001f", submission.channel().name(), Objects.toString(submission.externalRef()),
                Objects.toString(submission.plan()), submission.customer().accountId(), submission.customer().name(),
                submission.customer().email(), submission.customer().locale(), submission.subject(),
                submission.description(), Objects.toString(submission.category()),
                Objects.toString(submission.impact()), Objects.toString(submission.workaround()));
        if (submission.submittedAt() != null) {
            // Only when given: the tickets stored before the field existed keep their fingerprint, so their
            // retries still match. A retry must report the same contact time; another one is a conflict.
            canonical += "\u001f" + submission.submittedAt();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
