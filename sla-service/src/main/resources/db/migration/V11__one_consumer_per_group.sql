-- The clock consumers of tickets.received, tickets.priority, tickets.lifecycle and tickets.notifications and the
-- survey answers' consumer are one consumer since issue 21, recorded as 'sla-service/ticket-events'; the console's
-- two as
-- 'sla-service/console-timeline'. An event id lives on one topic, so the ids recorded by the old channels are
-- merged under the new names (V6 copied some to several channels; those collapse into one row).
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT 'sla-service/ticket-events', event_id, min(processed_at)
FROM processed_event
WHERE consumer IN ('sla-service/tickets-received', 'sla-service/tickets-priority',
                   'sla-service/tickets-lifecycle', 'sla-service/tickets-notifications',
                   'sla-service/surveys-responses')
GROUP BY event_id
ON CONFLICT (consumer, event_id) DO NOTHING;
DELETE FROM processed_event
WHERE consumer IN ('sla-service/tickets-received', 'sla-service/tickets-priority',
                   'sla-service/tickets-lifecycle', 'sla-service/tickets-notifications',
                   'sla-service/surveys-responses');

INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT 'sla-service/console-timeline', event_id, min(processed_at)
FROM processed_event
WHERE consumer IN ('sla-service/console-lifecycle', 'sla-service/console-notifications')
GROUP BY event_id
ON CONFLICT (consumer, event_id) DO NOTHING;
DELETE FROM processed_event
WHERE consumer IN ('sla-service/console-lifecycle', 'sla-service/console-notifications');
