-- Processed event ids are now recorded per channel, as <service>/<channel>. The clock consumers shared the
-- name 'sla-service', which does not say which channel an id came from: each one is kept for all three, so a
-- redelivered event is still recognised on its own channel.
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT 'sla-service/' || channel.name, processed.event_id, processed.processed_at
FROM processed_event processed
CROSS JOIN (VALUES ('tickets-received'), ('tickets-priority'), ('tickets-notifications')) AS channel (name)
WHERE processed.consumer = 'sla-service'
ON CONFLICT (consumer, event_id) DO NOTHING;
DELETE FROM processed_event WHERE consumer = 'sla-service';

UPDATE processed_event SET consumer = 'sla-service/surveys-responses' WHERE consumer = 'sla-service-satisfaction';
