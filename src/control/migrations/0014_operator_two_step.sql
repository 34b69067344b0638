-- Two-step sign-in for platform operators: an authenticator app (TOTP, RFC 6238) with recovery
-- codes, as tenants' users have (identity 0005). The TOTP secret is sealed at rest (AES-256-GCM
-- bound to its operator); recovery codes and sign-in challenge tokens are kept only as keyed
-- or plain hashes.

-- An operator's authenticator: pending until a code confirms it. `last_step` is the time step
-- last accepted, so that no code is accepted twice.
CREATE TABLE control.operator_totp (
  user_id       uuid PRIMARY KEY REFERENCES control.platform_users (id) ON DELETE CASCADE,
  secret_sealed text        NOT NULL,
  confirmed_at  timestamptz,
  last_step     bigint,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE control.operator_recovery_codes (
  id         uuid PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  code_hash  text        NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, code_hash)
);

-- The second step of a sign-in ('sign_in'), or the enrolment an operator must make before their
-- first session when the platform requires two steps ('enrol'). Wrong codes are counted.
CREATE TABLE control.operator_mfa_challenges (
  id          uuid PRIMARY KEY,
  user_id     uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  purpose     text        NOT NULL CHECK (purpose IN ('sign_in', 'enrol')),
  token_hash  text        NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  failures    integer     NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operator_mfa_challenges_user ON control.operator_mfa_challenges (user_id);

-- How an operator's session (a refresh-token family) was signed in and when it last gave a
-- second factor: what its access tokens say in `amr`, `auth_time` and `mfa_time`.
CREATE TABLE control.operator_session_factors (
  family_id uuid PRIMARY KEY,
  user_id   uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  amr       text[]      NOT NULL,
  auth_time timestamptz NOT NULL,
  mfa_at    timestamptz
);
CREATE INDEX operator_session_factors_user ON control.operator_session_factors (user_id);
