-- What notification knows of a ticket: filled by TicketReceived and the first PriorityAssigned, in either order.
CREATE TABLE ticket (
    ticket_id            VARCHAR(36)  PRIMARY KEY,
    reference            VARCHAR(16),
    plan                 VARCHAR(16),
    customer_name        VARCHAR(500),
    customer_email       VARCHAR(320),
    locale               VARCHAR(16),
    subject              VARCHAR(1000),
    received_at          TIMESTAMPTZ,
    priority             VARCHAR(4),
    priority_assigned_at TIMESTAMPTZ
);

-- The persisted mail outbox: one row per ticket and kind, written in the consuming transaction,
-- sent by the dispatcher with retries; its status is the audit trail.
CREATE TABLE notification (
    id              VARCHAR(36)   PRIMARY KEY,
    ticket_id       VARCHAR(36)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    recipients      VARCHAR(2000) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT          NOT NULL,
    message_id      VARCHAR(200)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    give_up_at      TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      VARCHAR(2000),
    CONSTRAINT notification_once_per_ticket_and_kind UNIQUE (ticket_id, kind)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
