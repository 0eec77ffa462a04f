-- A ticket in triage review is told its provisional priority at once (priority_provisional), and an
-- agent's later decision is told when it differs from what the customer heard (told_priority).
-- priority and priority_assigned_at now hold the latest decision, not only the first.
ALTER TABLE ticket ADD COLUMN priority_provisional BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ticket ADD COLUMN told_priority VARCHAR(4);
-- Until now a ticket known with its priority had its "ticket logged" message requested with that priority.
UPDATE ticket SET told_priority = priority WHERE received_at IS NOT NULL AND priority IS NOT NULL;
