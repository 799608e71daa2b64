-- The agents' queue view filters by status and priority together (GET /api/tickets?status=&priority=):
-- one index serves the page (newest first) and its total count without visiting the rows.
CREATE INDEX ix_ticket_status_priority ON ticket (status, priority, id);
