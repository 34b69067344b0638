-- Two-step sign-in with an authenticator app (TOTP, RFC 6238). The TOTP secret is sealed at
-- rest (AES-256-GCM bound to its tenant and user); recovery codes and sign-in challenge tokens
-- are kept only as keyed hashes. Every key leads with tenant_id; row-level security is forced.

-- A user's authenticator: pending until a code confirms it. `last_step` is the TOTP time step
-- last accepted, so that no code is accepted twice.
CREATE TABLE totp_factors (
  tenant_id     uuid        NOT NULL,
  user_id       uuid        NOT NULL,
  secret_sealed text        NOT NULL,
  confirmed_at  timestamptz,
  last_step     bigint,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE recovery_codes (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  user_id    uuid        NOT NULL,
  code_hash  text        NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id, code_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- The second step of a sign-in: a short-lived, single-use token given once the password was
-- right, that a code turns into a session ('sign_in'), or that lets a user whose role requires
-- two-step sign-in enrol before their first session ('enrol'). Wrong codes are counted.
CREATE TABLE mfa_challenges (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  user_id     uuid        NOT NULL,
  purpose     text        NOT NULL CHECK (purpose IN ('sign_in', 'enrol')),
  token_hash  text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  failures    integer     NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- How a session (a refresh-token family) was signed in, and when its second factor was last
-- given: what each access token of the session says in `amr`, `auth_time` and `mfa_time`.
CREATE TABLE session_factors (
  tenant_id uuid        NOT NULL,
  family_id uuid        NOT NULL,
  user_id   uuid        NOT NULL,
  amr       text[]      NOT NULL,
  auth_time timestamptz NOT NULL,
  mfa_at    timestamptz,
  PRIMARY KEY (tenant_id, family_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- The roles whose users must sign in with two steps (one row per tenant, once set).
CREATE TABLE two_step_settings (
  tenant_id      uuid        NOT NULL,
  required_roles text[]      NOT NULL DEFAULT '{}',
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

ALTER TABLE totp_factors ENABLE ROW LEVEL SECURITY;
ALTER TABLE totp_factors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON totp_factors USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recovery_codes USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE mfa_challenges ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_challenges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mfa_challenges USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE session_factors ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_factors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_factors USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE two_step_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE two_step_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON two_step_settings USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
