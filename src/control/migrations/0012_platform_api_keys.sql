-- API keys of platform operators, for automating the control plane. Each acts for the operator
-- who made it with at most the permissions it was given. Only the SHA-256 of a key is kept;
-- the key itself is shown once, when it is created.
CREATE TABLE control.platform_api_keys (
  id           uuid PRIMARY KEY,
  name         text        NOT NULL,
  prefix       text        NOT NULL,
  secret_hash  text        NOT NULL UNIQUE,
  permissions  text[]      NOT NULL DEFAULT '{}',
  created_by   uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX platform_api_keys_by_creator ON control.platform_api_keys (created_by);
