-- The control plane's registry. Tenant business data never lives here, and the
-- application role that tenant transactions run as cannot use this schema.
CREATE SCHEMA control;
REVOKE ALL ON SCHEMA control FROM PUBLIC;

CREATE TABLE control.secrets (
  name       text PRIMARY KEY,
  value      text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE control.platform_users (
  id            uuid PRIMARY KEY,
  email         text        NOT NULL,
  name          text        NOT NULL,
  password_hash text        NOT NULL,
  status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  last_login_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX platform_users_email_key ON control.platform_users (lower(email));

CREATE TABLE control.refresh_tokens (
  id         uuid PRIMARY KEY,
  family_id  uuid        NOT NULL,
  user_id    uuid        NOT NULL REFERENCES control.platform_users (id) ON DELETE CASCADE,
  token_hash text        NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX control_refresh_tokens_family ON control.refresh_tokens (family_id);

CREATE TABLE control.plans (
  key          text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{1,39}$'),
  name         text        NOT NULL,
  description  text        NOT NULL DEFAULT '',
  modules      text[]      NOT NULL,
  limits       jsonb       NOT NULL,
  price_minor  bigint      NOT NULL CHECK (price_minor >= 0),
  currency     text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  interval     text        NOT NULL CHECK (interval IN ('month', 'year')),
  active       boolean     NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE control.tenants (
  id               uuid PRIMARY KEY,
  slug             text        NOT NULL UNIQUE,
  name             text        NOT NULL,
  plan_key         text        NOT NULL REFERENCES control.plans (key),
  status           text        NOT NULL CHECK (status IN ('provisioning', 'failed', 'active', 'suspended', 'archived')),
  placement        text        NOT NULL CHECK (placement IN ('pooled', 'dedicated')),
  placement_reason text        NOT NULL,
  database_name    text,
  region           text        NOT NULL,
  compliance       text[]      NOT NULL DEFAULT '{}',
  expected_members integer,
  branding         jsonb       NOT NULL DEFAULT '{}',
  -- The first administrator, kept until provisioning has created them (hash only).
  admin_request    jsonb,
  provisioning     jsonb       NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE control.licences (
  id         uuid PRIMARY KEY,
  tenant_id  uuid        NOT NULL REFERENCES control.tenants (id) ON DELETE CASCADE,
  jws        text        NOT NULL,
  claims     jsonb       NOT NULL,
  issued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX licences_current ON control.licences (tenant_id, issued_at DESC);

CREATE TABLE control.domains (
  domain     text PRIMARY KEY,
  tenant_id  uuid        NOT NULL REFERENCES control.tenants (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX domains_by_tenant ON control.domains (tenant_id);

-- Append-only and hash-chained: each row's hash covers the previous row's, so an edited or
-- deleted row breaks the chain (see control/audit).
CREATE TABLE control.audit_log (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor      text        NOT NULL,
  action     text        NOT NULL,
  target     text,
  data       jsonb       NOT NULL DEFAULT '{}',
  prev_hash  text        NOT NULL,
  hash       text        NOT NULL
);
CREATE FUNCTION control.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON control.audit_log
  FOR EACH ROW EXECUTE FUNCTION control.audit_log_append_only();

INSERT INTO control.plans (key, name, description, modules, limits, price_minor, currency, interval) VALUES
  ('starter', 'Starter', 'A small community getting organised.', '{members}', '{"members": 250, "users": 5, "storageMb": 1024}', 4900, 'EUR', 'month'),
  ('standard', 'Standard', 'An estate or association with staff.', '{members}', '{"members": 5000, "users": 50, "storageMb": 20480}', 19900, 'EUR', 'month'),
  ('enterprise', 'Enterprise', 'Property managers and large estates; dedicated database.', '{members}', '{"members": null, "users": null, "storageMb": null}', 99900, 'EUR', 'month');
