-- Since issue 21 notification-service reads its topics with two consumers instead of five: 'ticket-events'
-- (tickets.received, tickets.priority; waits for an SLA policy) and 'sla-and-survey-events' (sla.events,
-- sla.breaches, surveys.requested). The ids the old channels recorded are kept under the new names, so a
-- redelivered event is still skipped (an event id lives on one topic).
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT CASE WHEN consumer IN ('notification-service/tickets-received', 'notification-service/tickets-priority')
            THEN 'notification-service/ticket-events'
            ELSE 'notification-service/sla-and-survey-events' END,
       event_id, processed_at
FROM processed_event
WHERE consumer IN ('notification-service/tickets-received', 'notification-service/tickets-priority',
                   'notification-service/sla-events', 'notification-service/sla-breaches',
                   'notification-service/surveys-requested')
ON CONFLICT (consumer, event_id) DO NOTHING;
DELETE FROM processed_event
WHERE consumer IN ('notification-service/tickets-received', 'notification-service/tickets-priority',
                   'notification-service/sla-events', 'notification-service/sla-breaches',
                   'notification-service/surveys-requested');
