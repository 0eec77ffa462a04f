package io.supportflow.intake.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;
import io.supportflow.runtime.http.InstantParams;
import io.supportflow.runtime.problem.FieldError;
import io.supportflow.runtime.text.TextRules;

/**
 * Checks a submission field by field and reports every fault at once. Text is kept exactly
 * as sent ({@link TextRules} says what it may contain). One-line fields (subject, names,
 * references) refuse line breaks too: they end up in mail headers.
 */
public final class SubmissionValidator {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_DESCRIPTION = 32 * 1024;
    public static final int MAX_SHORT_TEXT = 200;
    public static final List<String> LOCALES = List.of("en", "de");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]{2,}$");

    private final List<FieldError> errors = new ArrayList<>();

    private SubmissionValidator() {
    }

    /** The validated submission, or the list of every field at fault. */
    public static Result validate(TicketRequest request, Channel channel, String idempotencyKey) {
        return new SubmissionValidator().check(request, channel, idempotencyKey);
    }

    private Result check(TicketRequest request, Channel channel, String idempotencyKey) {
        if (request == null) {
            return Result.invalid(List.of(new FieldError("body", "a JSON object is required")));
        }
        String externalRef = optionalLine("externalRef", request.externalRef(), MAX_SHORT_TEXT);
        // An empty header counts as none: proxies and HTTP clients drop or trim blank header values.
        boolean hasKeyHeader = idempotencyKey != null && !idempotencyKey.isBlank();
        String key = hasKeyHeader ? optionalLine("Idempotency-Key", idempotencyKey, MAX_SHORT_TEXT) : externalRef;
        if (key == null || key.isBlank()) {
            errors.add(new FieldError("externalRef", "is required when no Idempotency-Key header is sent"));
        }
        Plan plan = requiredEnum("plan", request.plan(), Plan.class);
        Customer customer = customer(request.customer());
        String subject = requiredLine("subject", request.subject(), MAX_SUBJECT);
        String description = requiredText("description", request.description(), MAX_DESCRIPTION);
        Category category = optionalEnum("category", request.category(), Category.class);
        Impact impact = optionalEnum("impact", request.impact(), Impact.class);
        Workaround workaround = optionalEnum("workaround", request.workaround(), Workaround.class);
        Instant submittedAt = optionalInstant(ContactTimeBounds.FIELD, request.submittedAt());
        if (!errors.isEmpty()) {
            return Result.invalid(errors);
        }
        return Result.valid(new TicketSubmission(channel, key, externalRef, plan, customer, subject, description,
                category, impact, workaround, submittedAt));
    }

    private Customer customer(TicketRequest.CustomerRequest customer) {
        if (customer == null) {
            errors.add(new FieldError("customer", "is required"));
            return null;
        }
        String accountId = requiredLine("customer.accountId", customer.accountId(), MAX_SHORT_TEXT);
        String name = requiredLine("customer.name", customer.name(), MAX_SHORT_TEXT);
        String email = requiredLine("customer.email", customer.email(), 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("customer.email", "is not an email address"));
        }
        String locale = customer.locale() == null ? "en" : customer.locale().toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            errors.add(new FieldError("customer.locale", "must be one of " + LOCALES));
        }
        return new Customer(accountId, name, email, locale);
    }

    private String requiredLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optionalLine(field, value, max);
    }

    private String optionalLine(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        TextRules.lineProblem(value, max).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return value;
    }

    private String requiredText(String field, String value, int maxBytes) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        TextRules.textProblem(value, maxBytes).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return value;
    }

    /**
     * Kept to the millisecond, like every event time intake writes, so that the instant published, the
     * one stored and the one a consumer reads back compare equal.
     */
    private Instant optionalInstant(String field, String value) {
        if (value == null) {
            return null;
        }
        return InstantParams.parse(field, value, errors).map(instant -> instant.truncatedTo(ChronoUnit.MILLIS))
                .orElse(null);
    }

    private <E extends Enum<E>> E requiredEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required, one of " + names(type)));
            return null;
        }
        return optionalEnum(field, value, type);
    }

    private <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + names(type)));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Either a valid submission or the errors. */
    public record Result(TicketSubmission submission, List<FieldError> errors) {

        static Result valid(TicketSubmission submission) {
            return new Result(submission, List.of());
        }

        static Result invalid(List<FieldError> errors) {
            return new Result(null, List.copyOf(errors));
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }
}
