-- Single-use links that let a platform operator choose a new password. Only the SHA-256 of a
-- token is kept; the token itself exists only in the e-mail sent.
CREATE TABLE control.password_reset_tokens (
  id          uuid PRIMARY KEY,
  user_id     uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  token_hash  text        NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_tokens_user ON control.password_reset_tokens (user_id);
