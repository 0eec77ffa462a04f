-- What survey-service knows of a ticket, gathered from tickets.received and tickets.priority
-- in whatever order they arrive: a row may exist with only its priority until the ticket comes.
CREATE TABLE survey_ticket (
    ticket_id    VARCHAR(36)   PRIMARY KEY,
    reference    VARCHAR(16),
    subject      VARCHAR(1000),
    email        VARCHAR(320),
    locale       VARCHAR(8),
    plan         VARCHAR(16),
    channel      VARCHAR(8),
    priority     VARCHAR(4),
    received_at  TIMESTAMPTZ
);

-- A TicketResolved that arrived before its TicketReceived: kept until the ticket is known.
CREATE TABLE pending_resolution (
    resolved_event_id VARCHAR(64) PRIMARY KEY,
    ticket_id         VARCHAR(36) NOT NULL,
    resolved_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_resolution_ticket ON pending_resolution (ticket_id);

-- One survey per resolution of a ticket; the token is random, never derived from the ticket.
CREATE TABLE survey (
    id                VARCHAR(36)  PRIMARY KEY,
    ticket_id         VARCHAR(36)  NOT NULL REFERENCES survey_ticket (ticket_id),
    resolved_event_id VARCHAR(64)  NOT NULL UNIQUE,
    token             VARCHAR(64)  NOT NULL UNIQUE,
    requested_at      TIMESTAMPTZ  NOT NULL,
    expires_at        TIMESTAMPTZ  NOT NULL,
    rating            SMALLINT     CHECK (rating BETWEEN 1 AND 5),
    comment           TEXT,
    responded_at      TIMESTAMPTZ
);
CREATE INDEX survey_requested_at ON survey (requested_at);
CREATE INDEX survey_ticket_id ON survey (ticket_id);
