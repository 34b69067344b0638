-- Platform events (tenant.provisioned, tenant.suspended, ...) are written here in the same
-- transaction as the registry change, and relayed like the tenants' own outboxes.
CREATE TABLE control.outbox (
  id          uuid PRIMARY KEY,
  tenant_id   uuid,
  type        text        NOT NULL,
  version     integer     NOT NULL,
  data        jsonb       NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
