package io.supportflow.intake.rest;

import java.time.Instant;

import io.supportflow.intake.domain.Account;
import io.supportflow.intake.service.AccountDirectory.AccountVersion;

/** An account at its newest version, with who stated that version and when. */
public record AccountView(String accountId, int version, String plan, String region, String locale, String scheduleId,
                          String changedBy, Instant changedAt) {

    static AccountView of(AccountVersion stored) {
        Account account = stored.account();
        return new AccountView(account.accountId(), stored.version(), account.plan().name(), account.region(),
                account.locale(), account.scheduleId(), stored.changedBy(), stored.changedAt());
    }
}
