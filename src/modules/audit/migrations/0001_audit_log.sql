-- The tenant's audit log: append-only and hash-chained per tenant. `seq` numbers a tenant's
-- entries 1, 2, 3 ... in the order they were appended (appends are serialised per tenant, see
-- audit.repository); each entry keeps the hash of the tenant's previous entry and its own hash
-- over its content, so an entry changed, removed or slipped in afterwards breaks the chain.
CREATE TABLE audit_log (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  seq         bigint      NOT NULL CHECK (seq > 0),
  at          timestamptz NOT NULL,
  actor_type  text        NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
  actor_id    text,
  action      text        NOT NULL,
  target_type text,
  target_id   text,
  details     jsonb       NOT NULL DEFAULT '{}',
  request_id  text,
  ip          text,
  user_agent  text,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- Two appends that read the same head cannot both land: the chain cannot fork.
  UNIQUE (tenant_id, seq)
);
CREATE INDEX audit_log_action ON audit_log (tenant_id, action text_pattern_ops, seq);
CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_id, seq);
CREATE INDEX audit_log_target ON audit_log (tenant_id, target_type, target_id, seq);

-- Nobody edits history: not the application role, not the owner. (A superuser can still
-- switch the trigger off; the hash chain is what shows that afterwards.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
