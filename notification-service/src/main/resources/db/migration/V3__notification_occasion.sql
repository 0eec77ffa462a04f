-- A ticket can be solved, reopened and solved again: each survey is its own message.
-- The occasion tells such messages of one kind apart ('' where a kind happens once per ticket).
ALTER TABLE notification ADD COLUMN occasion VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE notification DROP CONSTRAINT notification_once_per_ticket_and_kind;
ALTER TABLE notification ADD CONSTRAINT notification_once_per_occasion UNIQUE (ticket_id, kind, occasion);
