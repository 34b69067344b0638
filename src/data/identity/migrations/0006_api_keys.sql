-- API keys: long-lived credentials for integrations, each acting for the user who made it with
-- at most the permissions it was given (narrowed further by what that user holds now). Only
-- the SHA-256 of a key is kept; the key itself is shown once, when it is created.
CREATE TABLE api_keys (
  tenant_id    uuid        NOT NULL,
  id           uuid        NOT NULL,
  name         text        NOT NULL,
  prefix       text        NOT NULL,
  secret_hash  text        NOT NULL,
  permissions  text[]      NOT NULL DEFAULT '{}',
  created_by   uuid        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, secret_hash),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX api_keys_by_creator ON api_keys (tenant_id, created_by);

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
