package io.supportflow.sla.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * Transaction-scoped PostgreSQL advisory locks, one per schedule or rotation (keyed by its kind's lock space and
 * its id's hash): a change reads the latest version and adds the next under it, on every instance alike. The
 * primary key would refuse a second version 2 anyway; the lock makes the later change wait and become version 3
 * instead of failing.
 */
final class VersionLocks {

    private VersionLocks() {
    }

    static void lock(EntityManager entityManager, int space, String id) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, space)
                .setParameter(2, id)
                .getSingleResult();
    }

    /** A hold that many transactions share and that {@link #lock} waits for. */
    static void lockShared(EntityManager entityManager, int space, String id) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock_shared(?1, hashtext(?2))")
                .setParameter(1, space)
                .setParameter(2, id)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    }
}
