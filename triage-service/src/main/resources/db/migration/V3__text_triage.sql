-- What the clock of a ticket in review runs on, and what the rules decided before any agent did:
-- the agent's later decision is measured against it (GET /api/v1/triage/agreement).
ALTER TABLE triaged_ticket ADD COLUMN clock_priority VARCHAR(2);
ALTER TABLE triaged_ticket ADD COLUMN rules_priority VARCHAR(2);
ALTER TABLE triaged_ticket ADD COLUMN rules_review BOOLEAN;
UPDATE triaged_ticket SET rules_priority = priority, rules_review = in_review WHERE source = 'RULES';
CREATE INDEX triaged_ticket_agent_decisions ON triaged_ticket (decided_at) WHERE source = 'AGENT';
