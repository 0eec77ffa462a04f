-- Shared by every service (from shared-runtime): the trace an outbox row was written in, published as the record's
-- traceparent header. Repeatable and idempotent, so it applies once to every service's database, whatever version
-- that database's own migrations have reached.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent VARCHAR(55);
