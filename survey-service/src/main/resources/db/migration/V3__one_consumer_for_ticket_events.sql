-- Receipts, priority decisions and resolutions are read by one consumer since issue 21, recorded as
-- 'survey-service/ticket-events'; the ids recorded by the three channels before are kept under that name (an
-- event id lives on one topic).
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT 'survey-service/ticket-events', event_id, min(processed_at)
FROM processed_event
WHERE consumer IN ('survey-service/tickets-received', 'survey-service/tickets-priority',
                   'survey-service/tickets-lifecycle')
GROUP BY event_id
ON CONFLICT (consumer, event_id) DO NOTHING;
DELETE FROM processed_event
WHERE consumer IN ('survey-service/tickets-received', 'survey-service/tickets-priority',
                   'survey-service/tickets-lifecycle');
