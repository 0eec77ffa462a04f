package io.supportflow.intake.service;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.supportflow.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies consumed events to the ticket view, a batch per transaction. A batch that still fails after its
 * retries is applied event by event, each with the retries it would have had on its own, so that only an
 * event the view refuses is left out: the live consumer dead-letters it, a rebuild passes it by.
 */
@ApplicationScoped
public class TicketViewBatches {

    private static final Logger LOG = Logger.getLogger(TicketViewBatches.class);

    private final TicketViewUpdates updates;

    TicketViewBatches(TicketViewUpdates updates) {
        this.updates = updates;
    }

    /** Applies {@code envelopes} and returns those the view refused, by their position in the list. */
    public List<Refused> apply(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        try {
            updates.recordAll(envelopes);
            return List.of();
        } catch (Exception batchFailed) {
            failIfShuttingDown(batchFailed);
            LOG.warnf("A batch of %d events failed as a whole, applying them one by one: %s", envelopes.size(),
                    batchFailed.toString());
        }
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                updates.recordAll(List.of(envelopes.get(i)));
            } catch (Exception e) {
                failIfShuttingDown(e);
                refused.add(new Refused(i, rootCause(e)));
            }
        }
        return refused;
    }

    /** An interrupted retry means shutdown: nothing is given up, the caller's batch is consumed again later. */
    private static void failIfShuttingDown(Exception failure) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while applying a batch to the ticket view", failure);
        }
    }

    /** What refused the event (the database's message), not its wrappers. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The event at {@code index} of a batch, and why the view refused it. */
    public record Refused(int index, Throwable reason) {
    }
}
