-- an Idempotency-Key also makes a message to a ticket safe to send again: the outcome it had is
-- kept with the ticket it went to (null for a ticket's creation)
ALTER TABLE idempotency_key ADD COLUMN outcome VARCHAR(40);
