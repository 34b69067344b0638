-- The daily retention job finds finished deliveries by age, a batch at a time.
CREATE INDEX webhook_deliveries_finished_by_age ON webhook_deliveries (tenant_id, created_at) WHERE status IN ('succeeded', 'failed');
