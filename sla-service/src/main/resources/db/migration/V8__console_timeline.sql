-- The ops console's ticket page: what happened to a ticket on tickets.lifecycle (acknowledged, resolved, reopened)
-- and tickets.notifications (every message sent or given up), one short line per event, written by the console's own
-- consumers (sla-service/console-lifecycle and sla-service/console-notifications). Together with sla_clock,
-- sla_priority_change, sla_escalation and sla_satisfaction it is the ticket's timeline, without asking another service.
-- summary is one line the console wrote (console.TimelineLines, at most 300 characters): who acted and to whom a
-- message went, never the customer's text.
CREATE TABLE console_timeline (
    event_id  VARCHAR(64) PRIMARY KEY,
    ticket_id VARCHAR(36) NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    kind      VARCHAR(32) NOT NULL,
    summary   TEXT        NOT NULL
);
CREATE INDEX console_timeline_ticket ON console_timeline (ticket_id, at);
