-- Usage the data planes report (through their outboxes), aggregated as it arrives: per tenant,
-- meter and hour, day and (calendar) month. A counter's bucket is the sum of what was counted in
-- it; a gauge's is the highest level reported in it.
CREATE TABLE control.usage (
  tenant_id   uuid        NOT NULL REFERENCES control.tenants (id) ON DELETE CASCADE,
  meter       text        NOT NULL,
  granularity text        NOT NULL CHECK (granularity IN ('hour', 'day', 'month')),
  bucket      timestamptz NOT NULL,
  value       bigint      NOT NULL CHECK (value >= 0),
  PRIMARY KEY (tenant_id, meter, granularity, bucket)
);

-- The counted events already aggregated, by their id: a redelivered event finds its receipt
-- and counts nothing. Kept long past any redelivery (the queue's retries end within days).
CREATE TABLE control.usage_receipts (
  event_id    uuid        PRIMARY KEY,
  tenant_id   uuid        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_receipts_by_age ON control.usage_receipts (received_at);
