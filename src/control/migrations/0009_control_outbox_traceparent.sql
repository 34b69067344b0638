-- As the tenants' outbox (events/0003_outbox_traceparent): platform events carry the trace of
-- the request that caused them into the jobs that react to them.
ALTER TABLE control.outbox ADD COLUMN traceparent text;
