-- Passkeys (WebAuthn): a user's credentials, for passwordless sign-in, as a second factor and
-- for step-up. Only the public key is kept; the challenges the browser signs are short-lived
-- and spent once. Every key leads with tenant_id; row-level security is forced.

-- A registered credential. `credential_id` and `public_key` are base64url (the COSE key as the
-- authenticator gave it); `counter` is its signature counter, which must grow at every use
-- (a lower one means a cloned authenticator); `rp_id` the host name it was registered at.
CREATE TABLE passkeys (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  user_id       uuid        NOT NULL,
  credential_id text        NOT NULL,
  public_key    text        NOT NULL,
  counter       bigint      NOT NULL DEFAULT 0,
  transports    text[]      NOT NULL DEFAULT '{}',
  name          text        NOT NULL,
  device_type   text        NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
  backed_up     boolean     NOT NULL DEFAULT false,
  rp_id         text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, credential_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX passkeys_user ON passkeys (tenant_id, user_id);

-- A challenge handed to the browser: to register a passkey ('register', for a signed-in user),
-- to sign in without a password ('sign_in', no user yet), as the second step of a sign-in
-- ('second_step') or for a step-up ('step_up'). Valid five minutes, spent by its first answer,
-- which names it by the challenge itself (signed by the authenticator in clientDataJSON).
CREATE TABLE passkey_challenges (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  user_id     uuid,
  purpose     text        NOT NULL CHECK (purpose IN ('register', 'sign_in', 'second_step', 'step_up')),
  challenge   text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, challenge),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE passkeys ENABLE ROW LEVEL SECURITY;
ALTER TABLE passkeys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON passkeys USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE passkey_challenges ENABLE ROW LEVEL SECURITY;
ALTER TABLE passkey_challenges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON passkey_challenges USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
