-- The trace an outbox row was written in, published as its record's traceparent header (shared-runtime's Outbox).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
-- The answers of the Kafka entrance are keyed by the adapter's record key, which may be longer than a ticket id (a
-- refused one, any length): the key takes what Kafka does.
ALTER TABLE outbox_event ALTER COLUMN record_key TYPE TEXT;
