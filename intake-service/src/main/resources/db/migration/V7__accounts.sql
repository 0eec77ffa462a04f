-- Issue 20: the account directory, kept by billing or CRM systems. The source of the plan each ticket runs on;
-- every change is published as AccountChanged (through the outbox) with the account's new version.
CREATE TABLE account (
    account_id  VARCHAR(200) PRIMARY KEY,
    version     INTEGER      NOT NULL,
    plan        VARCHAR(16)  NOT NULL,
    region      VARCHAR(32),
    locale      VARCHAR(8),
    schedule_id VARCHAR(200),
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);

-- The plan the adapter named when it differed from the account's (the ticket runs on the account's).
ALTER TABLE ticket ADD COLUMN claimed_plan VARCHAR(16);
-- TEXT: the view takes what the topic holds and must not refuse it.
ALTER TABLE ticket_view ADD COLUMN claimed_plan TEXT;
