-- The fan-out ranks a tenant's new delivery jobs behind that tenant's backlog (deliveries
-- waiting for their first attempt), so that a tenant with a large backlog cannot delay
-- another's first delivery: counted from this index, however large the table.
CREATE INDEX webhook_deliveries_unattempted ON webhook_deliveries (tenant_id, id) WHERE status = 'pending' AND attempt_count = 0;
