-- Single-use tokens sent to a user by e-mail (an invitation to choose a password). Only the
-- SHA-256 of a token is kept; the token itself exists only in the message sent.
CREATE TABLE user_tokens (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  user_id     uuid        NOT NULL,
  purpose     text        NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  token_hash  text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX user_tokens_by_user ON user_tokens (tenant_id, user_id, purpose);

ALTER TABLE user_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_tokens USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
