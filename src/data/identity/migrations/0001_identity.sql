-- Tenant users, roles and sessions. Every key leads with tenant_id; row-level security is
-- forced so that even the table owner sees only the tenant set for the transaction.

CREATE TABLE roles (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{0,39}$'),
  name        text        NOT NULL,
  description text        NOT NULL DEFAULT '',
  permissions text[]      NOT NULL DEFAULT '{}',
  system      boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, key)
);

CREATE TABLE users (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  email         text        NOT NULL,
  name          text        NOT NULL,
  password_hash text,
  status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  member_id     uuid,
  last_login_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (tenant_id, lower(email));

CREATE TABLE user_roles (
  tenant_id uuid NOT NULL,
  user_id   uuid NOT NULL,
  role_id   uuid NOT NULL,
  PRIMARY KEY (tenant_id, user_id, role_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX user_roles_role ON user_roles (tenant_id, role_id);

-- Refresh tokens rotate on every use; all tokens of one sign-in share a family, and a
-- replayed (already used) token revokes the whole family.
CREATE TABLE refresh_tokens (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  family_id  uuid        NOT NULL,
  user_id    uuid        NOT NULL,
  token_hash text        NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (tenant_id, family_id);

ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE roles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON roles USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_roles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_roles USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refresh_tokens USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
