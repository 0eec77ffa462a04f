-- Each ticket triage has seen, with its current priority decision and, while it waits for an agent, its review.
CREATE TABLE triaged_ticket (
    ticket_id            VARCHAR(36)   PRIMARY KEY,
    reference            VARCHAR(16)   NOT NULL,
    plan                 VARCHAR(16)   NOT NULL,
    subject              VARCHAR(500)  NOT NULL,
    received_at          TIMESTAMPTZ   NOT NULL,
    priority             VARCHAR(2)    NOT NULL,
    source               VARCHAR(8)    NOT NULL,
    rule                 VARCHAR(120)  NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    agent_id             VARCHAR(100),
    decided_at           TIMESTAMPTZ   NOT NULL,
    in_review            BOOLEAN       NOT NULL,
    review_requested_at  TIMESTAMPTZ,
    decision_count       INTEGER       NOT NULL
);
CREATE INDEX triaged_ticket_review_queue ON triaged_ticket (received_at) WHERE in_review;
