-- reports select the tickets created in a period (GET /api/reports/sla)
CREATE INDEX ix_ticket_created ON ticket (created_at);
