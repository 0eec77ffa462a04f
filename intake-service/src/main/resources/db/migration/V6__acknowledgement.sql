-- Issue 19: agents take tickets up (TicketAcknowledged). The write model keeps the first take-up (the one the
-- handling clock stops at) and the current assignee, so that a repeated acknowledgement that would change
-- nothing is recognised and publishes nothing.
ALTER TABLE ticket ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE ticket ADD COLUMN acknowledged_by TEXT;
ALTER TABLE ticket ADD COLUMN assignee VARCHAR(200);

-- The view shows the same facts as the topic tells them: the earliest acknowledgement, and the assignee of the
-- newest one that named an assignee (assignee_at is its event time, so an older event cannot replace it).
-- TEXT, not a length: the view takes what the topic holds and must not refuse it.
ALTER TABLE ticket_view ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE ticket_view ADD COLUMN acknowledged_by TEXT;
ALTER TABLE ticket_view ADD COLUMN assignee TEXT;
ALTER TABLE ticket_view ADD COLUMN assignee_at TIMESTAMPTZ;
