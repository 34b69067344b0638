-- A user's choices of what they are told, and how: one row per category and channel they have
-- set. A missing row is the default (e-mail on, SMS off), so a user who never chose anything
-- has no rows, and a new category needs no backfill. Mandatory messages (password resets,
-- invitations) never look here.
CREATE TABLE notification_preferences (
  tenant_id  uuid        NOT NULL,
  user_id    uuid        NOT NULL,
  category   text        NOT NULL CHECK (category IN ('billing', 'announcements', 'maintenance', 'meetings')),
  channel    text        NOT NULL CHECK (channel IN ('email', 'sms')),
  enabled    boolean     NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, category, channel),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_preferences USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
