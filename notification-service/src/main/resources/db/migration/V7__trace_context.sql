-- The trace an outbox row was written in, published as its record's traceparent header (shared-runtime's Outbox).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
-- The trace of the event that asked for a notification: the CustomerNotified its sender publishes later, on a
-- thread of its own, continues it.
ALTER TABLE notification ADD COLUMN traceparent VARCHAR(55);
