package io.supportflow.sla.repository;

import java.time.Instant;
import java.util.Optional;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.supportflow.events.EventJson;
import io.supportflow.events.SlaPolicyChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the SLA policy: the event that published it. */
@Entity
@Table(name = "sla_policy_version")
public class SlaPolicyEntity extends PanacheEntityBase {

    /** Advisory-lock space of policy changes (schedules and rotations use their kinds' spaces). */
    private static final int LOCK_SPACE = 3;
    private static final String LOCK_KEY = "sla-policy";

    @Id
    public int version;
    /** The event's JSON (EventJson); PostgreSQL keeps it as jsonb. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String definition;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static void store(SlaPolicyChanged policy) {
        SlaPolicyEntity entity = new SlaPolicyEntity();
        entity.version = policy.version();
        entity.definition = EventJson.write(policy);
        entity.changedBy = policy.changedBy();
        entity.changedAt = policy.at();
        entity.persist();
    }

    /**
     * Holds, until the transaction ends, the right to add the next version, on every instance alike; it waits until
     * every transaction judging clocks under the version in force has ended ({@link #newestVersionJudgedUnder()}).
     */
    public static void lockChanges() {
        VersionLocks.lock(getEntityManager(), LOCK_SPACE, LOCK_KEY);
    }

    /**
     * The newest version, read under a shared hold on changes kept until the transaction ends: a change cannot
     * commit while this transaction judges clocks under the version it read, and a transaction that starts judging
     * while a change is being made waits for it and reads the new version. So no clock the change rang is judged
     * under the version it replaced. Called before the transaction locks any clock (a change locks them after).
     */
    public static int newestVersionJudgedUnder() {
        VersionLocks.lockShared(getEntityManager(), LOCK_SPACE, LOCK_KEY);
        return newestVersion();
    }

    public static Optional<SlaPolicyChanged> newest() {
        return SlaPolicyEntity.<SlaPolicyEntity>findAll(Sort.descending("version")).firstResultOptional()
                .map(entity -> EventJson.read(entity.definition, SlaPolicyChanged.class));
    }

    /**
     * The newest version's number, 0 before the first: one index lookup, cheap enough for every transaction. It
     * reads no table the transaction writes, so it does not make Hibernate flush what the transaction changed so
     * far (which would split the commit's JDBC batches). A statement of its own, after any lock wait: a statement
     * sees what was committed when it began.
     */
    public static int newestVersion() {
        Number newest = (Number) getEntityManager()
                .createNativeQuery("SELECT coalesce(max(version), 0) FROM sla_policy_version")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        return newest.intValue();
    }
}
