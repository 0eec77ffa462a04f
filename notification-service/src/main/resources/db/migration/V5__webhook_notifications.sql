-- Pages and escalations go to email addresses and to webhooks through the same outbox, claiming and retries.
-- A webhook row names the webhook in recipients, keeps its JSON body (signed anew at each attempt) and uses the
-- notification's id as message_id; a mail row keeps its text and HTML bodies as before.
ALTER TABLE notification ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'EMAIL';
ALTER TABLE notification ADD COLUMN webhook_body TEXT;
ALTER TABLE notification ALTER COLUMN text_body DROP NOT NULL;
ALTER TABLE notification ALTER COLUMN html_body DROP NOT NULL;
ALTER TABLE notification ADD CONSTRAINT notification_body_of_its_channel CHECK (
    (channel = 'EMAIL' AND text_body IS NOT NULL AND html_body IS NOT NULL AND webhook_body IS NULL)
    OR (channel = 'WEBHOOK' AND webhook_body IS NOT NULL AND text_body IS NULL AND html_body IS NULL));
