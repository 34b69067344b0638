-- A member's mailing address (free text, lines as the member writes them).
ALTER TABLE members ADD COLUMN address text;

-- Which of their own contact details members may change from the portal. No row: the default
-- (phone and address), kept in code, so that a tenant that never chose follows it.
CREATE TABLE member_self_service (
  tenant_id       uuid        NOT NULL PRIMARY KEY,
  editable_fields text[]      NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE member_self_service ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_self_service FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_self_service USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
