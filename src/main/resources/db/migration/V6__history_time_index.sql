-- the SLA report counts each agent's work in a period from the history (GET /api/reports/sla)
CREATE INDEX ix_history_at ON ticket_history (at);
