package io.supportflow.intake.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supportflow.events.Plan;
import io.supportflow.intake.domain.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account of the directory, at its newest version. */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;
    public int version;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    public String region;
    public String locale;
    @Column(name = "schedule_id")
    public String scheduleId;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public Account toAccount() {
        return new Account(accountId, plan, region, locale, scheduleId);
    }

    /** The accounts of {@code ids} the directory knows, in one query with one array parameter. */
    @SuppressWarnings("unchecked")
    public static List<AccountEntity> ofIds(Collection<String> ids) {
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM account WHERE account_id = ANY (CAST(?1 AS varchar[]))", AccountEntity.class)
                .setParameter(1, ids.toArray(String[]::new))
                .getResultList();
    }

    /**
     * The account {@code id}, locked for this transaction, created (at version 0) if the directory does not know
     * it yet: two writers of one account wait for each other instead of both inserting.
     */
    public static AccountEntity lockedOrNew(String id, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO account (account_id, version, plan, changed_by, changed_at)
                        VALUES (?1, 0, 'FREE', '', ?2) ON CONFLICT (account_id) DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate();
        return getEntityManager().find(AccountEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
