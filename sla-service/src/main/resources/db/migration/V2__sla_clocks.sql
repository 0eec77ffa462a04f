-- One response clock per ticket. A row may exist before its TicketReceived arrives (events of one
-- ticket come on different topics in any order); it gets a due time once plan and receivedAt are known.
CREATE TABLE sla_clock (
    ticket_id        VARCHAR(36)  PRIMARY KEY,
    reference        VARCHAR(32),
    plan             VARCHAR(16),
    received_at      TIMESTAMPTZ,
    priority         VARCHAR(2)   NOT NULL DEFAULT 'P3',
    priority_known   BOOLEAN      NOT NULL DEFAULT FALSE,
    target_seconds   BIGINT,
    due_at           TIMESTAMPTZ,
    logged_at        TIMESTAMPTZ,
    warnings_sent    INTEGER      NOT NULL DEFAULT 0,
    breached_at      TIMESTAMPTZ,
    breach_retracted BOOLEAN      NOT NULL DEFAULT FALSE,
    met_published    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- The next instant the breach scanner must look at this clock (a warning or the due time); NULL when none.
    alarm_at         TIMESTAMPTZ
);
CREATE INDEX sla_clock_alarm ON sla_clock (alarm_at) WHERE alarm_at IS NOT NULL;
CREATE INDEX sla_clock_open_due ON sla_clock (due_at) WHERE logged_at IS NULL AND breached_at IS NULL;
CREATE INDEX sla_clock_received ON sla_clock (received_at);
CREATE INDEX sla_clock_breached ON sla_clock (breached_at) WHERE breached_at IS NOT NULL;

-- Every priority decision with its event time, so the priority in force when the clock stopped can be
-- found whatever order the decisions and the notification arrive in.
CREATE TABLE sla_priority_change (
    event_id   VARCHAR(64) PRIMARY KEY,
    ticket_id  VARCHAR(36) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    priority   VARCHAR(2)  NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sla_priority_change_ticket ON sla_priority_change (ticket_id);
