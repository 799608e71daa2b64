-- a message too large to fetch is quarantined with its headers only (it stays in the mailbox):
-- such a row cannot be processed again from what is kept here
ALTER TABLE inbound_mail_quarantine ADD COLUMN whole BOOLEAN DEFAULT TRUE NOT NULL;
-- who sent it and what about, as far as its headers could be read, for the people reviewing it
ALTER TABLE inbound_mail_quarantine ADD COLUMN sender VARCHAR(320);
ALTER TABLE inbound_mail_quarantine ADD COLUMN subject VARCHAR(400);
CREATE INDEX ix_inbound_mail_quarantine_received ON inbound_mail_quarantine (received_at, id);
