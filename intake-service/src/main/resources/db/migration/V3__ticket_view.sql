-- The ticket view: a read model built only from the ticket topics, so it can be dropped and replayed.
-- Columns stay null until the event that carries them has been consumed (events arrive in any order).
CREATE TABLE ticket_view (
    ticket_id            VARCHAR(36)  PRIMARY KEY,
    reference            VARCHAR(16),
    channel              VARCHAR(8),
    plan                 VARCHAR(16),
    subject              TEXT,
    customer_locale      VARCHAR(8),
    received_at          TIMESTAMPTZ,
    status               VARCHAR(16),
    status_at            TIMESTAMPTZ, -- time of the last lifecycle event; null while only received
    priority             VARCHAR(4),
    priority_at          TIMESTAMPTZ,
    priority_provisional BOOLEAN      NOT NULL DEFAULT FALSE,
    sla_state            VARCHAR(16),
    sla_due_at           TIMESTAMPTZ,
    last_event_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_view_filters ON ticket_view (status, plan, priority, channel);
CREATE INDEX ticket_view_received ON ticket_view (received_at DESC, ticket_id);

-- Every event of a ticket, whatever topic it came from.
CREATE TABLE timeline_entry (
    event_id    VARCHAR(64)  PRIMARY KEY,
    ticket_id   VARCHAR(36)  NOT NULL,
    event_type  VARCHAR(128) NOT NULL,
    event_time  TIMESTAMPTZ  NOT NULL,
    source      VARCHAR(128) NOT NULL,
    topic       VARCHAR(64)  NOT NULL,
    summary     TEXT         NOT NULL
);
CREATE INDEX timeline_entry_ticket ON timeline_entry (ticket_id, event_time, event_id);
