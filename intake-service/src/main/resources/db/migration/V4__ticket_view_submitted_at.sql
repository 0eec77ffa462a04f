-- The contact time a channel adapter reported with the ticket (TicketReceived.submittedAt); null when it
-- did not say, as for every ticket received before the field existed.
ALTER TABLE ticket_view ADD COLUMN submitted_at TIMESTAMPTZ;
