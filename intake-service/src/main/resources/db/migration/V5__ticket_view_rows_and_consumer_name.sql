-- A view row is created holding only its ticket id (shared-runtime's TicketRows) and filled in by its
-- events in the same transaction, so last_event_at is set by commit but not at insert.
ALTER TABLE ticket_view ALTER COLUMN last_event_at DROP NOT NULL;

-- Consumers are named <service>/<channel> (shared-runtime's EventBatches): under its new name the view
-- still recognises the events it applied before.
UPDATE processed_event SET consumer = 'intake-service/ticket-view' WHERE consumer = 'intake-ticket-view';
