-- Issue 20: the SLA policy, defined once and versioned. Every version is kept as the SlaPolicyChanged that published
-- it; the newest is in force. Version 1 is seeded from the configuration at the first start.
CREATE TABLE sla_policy_version (
    version    INTEGER     PRIMARY KEY,
    definition JSONB       NOT NULL,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- The policy version a clock's handling plan was made under: a newer one plans it again (without paging anyone
-- again). The clocks that exist already were planned under the configuration version 1 is seeded from.
ALTER TABLE sla_clock ADD COLUMN handling_policy_version INTEGER NOT NULL DEFAULT 1;
