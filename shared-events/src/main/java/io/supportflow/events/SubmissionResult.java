package io.supportflow.events;

import java.time.Instant;

/**
 * Intake's answer to one submission from the Kafka entrance ({@link AdapterSubmissions}), keyed like the
 * submission by the adapter's external reference, so that an adapter finds the answers to its own records.
 */
public sealed interface SubmissionResult extends SupportEvent permits SubmissionAccepted, SubmissionRefused {

    /** The submission's {@code ce_id}. */
    String submissionId();

    Channel channel();

    /** The submission's record key: the adapter's external reference. */
    String externalRef();

    /** When intake answered. */
    Instant at();

    @Override
    default String key() {
        return externalRef();
    }
}
