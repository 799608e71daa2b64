-- E-mails are multipart: the HTML body is stored next to the plain text, both rendered when the
-- message is queued (the mail sent is the one rendered then). References: the thread so far.
ALTER TABLE outbound_mail ADD COLUMN body_html VARCHAR(100000);
ALTER TABLE outbound_mail ADD COLUMN mail_references VARCHAR(4000);
-- a rendered body holds the agent's message (up to 20000 characters) and the template around it
ALTER TABLE outbound_mail ALTER COLUMN body_text SET DATA TYPE VARCHAR(100000);
