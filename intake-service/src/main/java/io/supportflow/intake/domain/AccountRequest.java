package io.supportflow.intake.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.supportflow.events.Plan;
import io.supportflow.intake.domain.validation.OneOf;
import io.supportflow.runtime.text.Line;
import jakarta.validation.constraints.Pattern;

/**
 * An account as the billing system sends it, in a PUT body or as one line of an import; every field is text, so
 * a wrong value is reported by name. In a PUT body {@code accountId} may be left out (the path names it). The
 * version and author a GET shows may come along (an account read and sent back) and are ignored.
 */
@JsonIgnoreProperties({"version", "changedBy", "changedAt"})
public record AccountRequest(
        @Line(max = MAX_ID, required = true) String accountId,
        @OneOf(value = Plan.class, required = true) String plan,
        @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1 to 32 letters, digits or '-'") String region,
        @Pattern(regexp = "(?i)en|de", message = "must be one of [en, de]") String locale,
        @Line(max = MAX_ID) String scheduleId) {

    /** The same bound as a ticket's {@code customer.accountId}: every account a ticket can name can be stored. */
    public static final int MAX_ID = 200;

    public AccountRequest withAccountId(String id) {
        return new AccountRequest(id, plan, region, locale, scheduleId);
    }

    /** The account this request states; for a request that passed its constraints. */
    public Account toAccount() {
        return new Account(accountId, Plan.valueOf(plan), region, locale == null ? null : locale.toLowerCase(Locale.ROOT),
                scheduleId);
    }
}
