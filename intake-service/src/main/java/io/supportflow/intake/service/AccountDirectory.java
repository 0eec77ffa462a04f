package io.supportflow.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.supportflow.events.AccountChanged;
import io.supportflow.intake.domain.Account;
import io.supportflow.intake.repository.AccountEntity;
import io.supportflow.runtime.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The account directory: billing's word on each account. A change is stored as the account's next version and
 * published as AccountChanged in the same transaction; stating an account as it already is changes nothing and
 * publishes nothing, so billing may resend its whole book safely.
 */
@ApplicationScoped
public class AccountDirectory {

    static final String CHANGED_ROLE = "account-changed";

    private final Outbox outbox;
    private final Clock clock;

    AccountDirectory(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Optional<AccountVersion> find(String accountId) {
        return AccountEntity.<AccountEntity>findByIdOptional(accountId).map(AccountVersion::of);
    }

    @Transactional
    public AccountVersion put(Account account, String changedBy) {
        return store(account, changedBy);
    }

    /** Stores each account in turn, all in one transaction: the import's batches. */
    @Transactional
    public List<AccountVersion> putAll(List<Account> accounts, String changedBy) {
        return accounts.stream().map(account -> store(account, changedBy)).toList();
    }

    private AccountVersion store(Account account, String changedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccountEntity entity = AccountEntity.lockedOrNew(account.accountId(), now);
        boolean created = entity.version == 0;
        if (!created && entity.toAccount().equals(account)) {
            return AccountVersion.of(entity, Change.UNCHANGED);
        }
        entity.version++;
        entity.plan = account.plan();
        entity.region = account.region();
        entity.locale = account.locale();
        entity.scheduleId = account.scheduleId();
        entity.changedBy = changedBy;
        entity.changedAt = now;
        AccountChanged changed = new AccountChanged(entity.accountId, entity.version, entity.plan, entity.region,
                entity.locale, entity.scheduleId, changedBy, now);
        outbox.add(causeOf(entity), CHANGED_ROLE, now, changed);
        return AccountVersion.of(entity, created ? Change.CREATED : Change.CHANGED);
    }

    /** One event per version of an account: a retried transaction publishes that version once. */
    private static String causeOf(AccountEntity entity) {
        return "account:" + entity.accountId + ":" + entity.version;
    }

    public enum Change {
        CREATED,
        CHANGED,
        UNCHANGED
    }

    /** An account at a version, with when and by whom that version was stated, and what this write did to it. */
    public record AccountVersion(Account account, int version, String changedBy, Instant changedAt, Change change) {

        static AccountVersion of(AccountEntity entity) {
            return of(entity, Change.UNCHANGED);
        }

        static AccountVersion of(AccountEntity entity, Change change) {
            return new AccountVersion(entity.toAccount(), entity.version, entity.changedBy, entity.changedAt,
                    Objects.requireNonNull(change));
        }
    }
}
