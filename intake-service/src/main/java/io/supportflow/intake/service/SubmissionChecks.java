package io.supportflow.intake.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.supportflow.events.Channel;
import io.supportflow.intake.domain.TicketRequest;
import io.supportflow.intake.domain.TicketSubmission;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.problem.ProblemException;
import io.supportflow.runtime.problem.ValidationProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

/**
 * The checks a ticket request passes before it is queued, the same whichever way it came in (HTTP or the Kafka
 * entrance): its channel is the one its credential stands for, and every field keeps its rules. Each refusal is a
 * problem naming the fields at fault.
 */
@ApplicationScoped
public class SubmissionChecks {

    private final Validator validator;

    SubmissionChecks(Validator validator) {
        this.validator = validator;
    }

    /**
     * The submission {@code request} makes through {@code channel}.
     *
     * @param key the idempotency key sent beside the body (HTTP's Idempotency-Key, a record's key), or null
     * @throws ProblemException 403 when the request claims another channel, 400 naming every field at fault
     */
    public TicketSubmission check(Channel channel, Entrance entrance, TicketRequest request, String key) {
        if (request != null) {
            requireOwnChannel(channel, entrance.credential(), request.channel());
        }
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("body", "a JSON object is required"));
        } else {
            errors.addAll(keyFaults(entrance, request, key));
            errors.addAll(ValidationProblems.fieldErrors(validator.validate(request)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The ticket has invalid fields",
                    errors);
        }
        return request.toSubmission(channel, key);
    }

    /**
     * A credential submits for its own channel only: a chat key posting as phone is refused naming the field. A
     * value that is no channel at all ({@code web}) is left to the field checks: a 400 naming the channels, like
     * every enum field.
     */
    private static void requireOwnChannel(Channel own, String credential, String claimedChannel) {
        boolean aChannel = Arrays.stream(Channel.values()).anyMatch(known -> known.name().equals(claimedChannel));
        if (aChannel && !claimedChannel.equals(own.name())) {
            throw new ProblemException(Response.Status.FORBIDDEN,
                    "This " + credential + " may post for " + own + " only",
                    List.of(new FieldError("channel", "must be " + own + ", the channel of this " + credential)));
        }
    }

    /** The key sent beside the body takes externalRef's place and rules; without it, externalRef is the key. */
    private List<FieldError> keyFaults(Entrance entrance, TicketRequest request, String key) {
        if (TicketRequest.isKeySent(key)) {
            return validator.validateValue(TicketRequest.class, "externalRef", key).stream()
                    .map(violation -> new FieldError(entrance.keyField(), violation.getMessage()))
                    .toList();
        }
        String externalRef = request.externalRef();
        if (externalRef == null || externalRef.isBlank()) {
            return List.of(new FieldError("externalRef", "is required when no " + entrance.keyName() + " is sent"));
        }
        return List.of();
    }
}
