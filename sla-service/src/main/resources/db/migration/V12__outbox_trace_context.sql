-- The trace an outbox row was written in, published as its record's traceparent header (shared-runtime's Outbox).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
