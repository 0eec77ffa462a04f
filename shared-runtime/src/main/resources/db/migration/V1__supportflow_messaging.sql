-- Shared by every service (from shared-runtime); service migrations start at V2.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq         BIGSERIAL    PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL UNIQUE,
    event_type  VARCHAR(128) NOT NULL,
    topic       VARCHAR(128) NOT NULL,
    record_key  VARCHAR(128) NOT NULL,
    source      VARCHAR(128) NOT NULL,
    event_time  TIMESTAMPTZ  NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent consumers: an event id is recorded in the transaction that applies it.
CREATE TABLE processed_event (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
