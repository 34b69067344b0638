-- The transactional outbox: a domain event is written in the same transaction as the change
-- that causes it, so a rolled-back change emits nothing and a committed one cannot lose it.
-- The relay (src/data/events/relay.ts) moves rows to the job queue and deletes them.
CREATE TABLE outbox (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  type        text        NOT NULL,
  version     integer     NOT NULL,
  data        jsonb       NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_by_id ON outbox (id);

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
