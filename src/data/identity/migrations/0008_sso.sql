-- Single sign-on (OpenID Connect): the identity providers a tenant's users may sign in with.
-- The client secret is sealed (AES-256-GCM under the platform secret, bound to the row), never
-- stored or answered in clear. `email_domains` are lower-case; `required` makes the provider the
-- only way in for addresses of those domains (no password sign-in, no password reset).
CREATE TABLE sso_providers (
  tenant_id        uuid        NOT NULL,
  id               uuid        NOT NULL,
  name             text        NOT NULL,
  issuer           text        NOT NULL,
  client_id        text        NOT NULL,
  client_secret_sealed text    NOT NULL,
  scopes           text[]      NOT NULL DEFAULT '{openid,email,profile}',
  role_claim       text,
  role_mapping     jsonb       NOT NULL DEFAULT '{}',
  default_roles    text[]      NOT NULL DEFAULT '{}',
  email_domains    text[]      NOT NULL DEFAULT '{}',
  required         boolean     NOT NULL DEFAULT false,
  jit_provisioning boolean     NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sso_providers_by_domain ON sso_providers USING gin (email_domains);

ALTER TABLE sso_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_providers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sso_providers USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
