-- The tickets intake accepted; the source of truth for idempotent submission and the lifecycle.
CREATE TABLE ticket (
    id               VARCHAR(36)  PRIMARY KEY,
    reference        VARCHAR(16)  NOT NULL,
    channel          VARCHAR(8)   NOT NULL,
    submission_key   VARCHAR(200) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    plan             VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    received_event_id VARCHAR(64) NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    lifecycle_version INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX ticket_reference ON ticket (reference);
