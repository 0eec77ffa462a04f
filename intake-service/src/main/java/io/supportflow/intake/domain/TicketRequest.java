package io.supportflow.intake.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.supportflow.events.Category;
import io.supportflow.events.Channel;
import io.supportflow.events.Customer;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import io.supportflow.events.Workaround;
import io.supportflow.intake.domain.validation.EmailAddress;
import io.supportflow.intake.domain.validation.IsoInstant;
import io.supportflow.intake.domain.validation.OneOf;
import io.supportflow.runtime.text.Line;
import io.supportflow.runtime.text.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A submission as a channel adapter sends it: every field is text, so a wrong value is reported by name
 * instead of failing the whole body. {@code channel}, when given, must name a channel; that it is the API key's
 * own is checked where the key is known.
 * {@code submittedAt} (optional) is the ISO-8601 instant the customer made contact. {@code plan} (optional) is
 * the plan the adapter believes the customer has; the ticket runs on its account's.
 */
public record TicketRequest(
        @OneOf(Channel.class) String channel,
        @Line(max = MAX_SHORT_TEXT) String externalRef,
        @OneOf(Plan.class) String plan,
        @NotNull(message = "is required") @Valid CustomerRequest customer,
        @Line(max = MAX_SUBJECT, required = true) String subject,
        @Text(maxBytes = MAX_DESCRIPTION_BYTES, required = true) String description,
        @OneOf(Category.class) String category,
        @OneOf(Impact.class) String impact,
        @OneOf(Workaround.class) String workaround,
        @IsoInstant String submittedAt) {

    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_DESCRIPTION_BYTES = 32 * 1024;
    static final String DEFAULT_LOCALE = "en";
    /** The languages customer messages are written in; any other customer locale falls back to English. */
    public static final List<String> WRITTEN_LOCALES = List.of("en", "de");
    /** A BCP 47 language tag: a language, then optional script, region or variant subtags. */
    static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}";

    /** The customer part of a submission. */
    public record CustomerRequest(
            @Line(max = MAX_SHORT_TEXT, required = true) String accountId,
            @Line(max = MAX_SHORT_TEXT, required = true) String name,
            @Line(max = 254, required = true) @EmailAddress String email,
            @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en, de or fr-CA") String locale) {

        Customer toCustomer() {
            return new Customer(accountId, name, email, writtenLocale());
        }

        /** The language the customer is written in: the tag's language where SupportFlow writes it, else English. */
        public String writtenLocale() {
            String language = locale == null ? DEFAULT_LOCALE : locale.split("-", 2)[0].toLowerCase(Locale.ROOT);
            return WRITTEN_LOCALES.contains(language) ? language : DEFAULT_LOCALE;
        }

        /** Whether the customer asked for a language SupportFlow does not write, and gets {@link #writtenLocale()}. */
        public boolean localeFallsBack() {
            return locale != null && !locale.split("-", 2)[0].equalsIgnoreCase(writtenLocale());
        }

        /** What the submitter should know about how this customer is served: a locale that fell back. */
        public List<String> notices() {
            return localeFallsBack()
                    ? List.of("customer.locale " + locale + " is not a language SupportFlow writes in " + WRITTEN_LOCALES
                            + ": the customer is written to in " + writtenLocale())
                    : List.of();
        }
    }

    /**
     * The key that identifies the submission for idempotency: the Idempotency-Key header, or without one
     * the externalRef. An empty header counts as none: proxies and HTTP clients drop or trim blank values.
     */
    public String submissionKey(String idempotencyKey) {
        return isKeySent(idempotencyKey) ? idempotencyKey : externalRef;
    }

    public static boolean isKeySent(String idempotencyKey) {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }

    /**
     * The submission this request makes through {@code channel}; for a request that passed its constraints.
     * The contact time is kept to the millisecond, like every event time intake writes, so that the instant
     * published, the one stored and the one a consumer reads back compare equal.
     */
    public TicketSubmission toSubmission(Channel channel, String idempotencyKey) {
        return new TicketSubmission(channel, submissionKey(idempotencyKey), externalRef, optional(Plan.class, plan),
                customer.toCustomer(), subject, description, optional(Category.class, category),
                optional(Impact.class, impact), optional(Workaround.class, workaround),
                submittedAt == null ? null : Instant.parse(submittedAt).truncatedTo(ChronoUnit.MILLIS));
    }

    private static <E extends Enum<E>> E optional(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
