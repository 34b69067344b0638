CREATE TABLE members (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  first_name text        NOT NULL,
  last_name  text        NOT NULL,
  email      text,
  phone      text,
  type       text        NOT NULL CHECK (type IN ('resident', 'owner', 'renter', 'household', 'other')),
  status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('prospective', 'active', 'inactive', 'former')),
  notes      text        NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Keyset pagination in both sort orders, and the filters lists offer.
CREATE INDEX members_by_name ON members (tenant_id, last_name, first_name, id);
CREATE INDEX members_by_status_type ON members (tenant_id, status, type);
CREATE INDEX members_by_email ON members (tenant_id, lower(email));

ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON members USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- A portal login may be linked to the member it belongs to.
ALTER TABLE users
  ADD CONSTRAINT users_member_fkey FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id) ON DELETE SET NULL (member_id);
