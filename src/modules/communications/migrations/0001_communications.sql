-- Saved audiences. `criteria` is the segment's rule (segments.schemas.ts SegmentCriteria):
-- resolved to members each time it is previewed or an announcement goes out.
CREATE TABLE comm_segments (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  name       text        NOT NULL,
  criteria   jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX comm_segments_name ON comm_segments (tenant_id, lower(name));

-- An announcement keeps the criteria it was sent to (a later change of the segment does not
-- rewrite who was told). Draft → scheduled → sending → sent; a scheduled one can go back to draft.
CREATE TABLE announcements (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  title         text        NOT NULL,
  body          text        NOT NULL,
  category      text        NOT NULL CHECK (category IN ('general', 'urgent', 'maintenance', 'finance', 'meeting')),
  channels      text[]      NOT NULL,
  segment_id    uuid,
  criteria      jsonb       NOT NULL,
  document_ids  uuid[]      NOT NULL DEFAULT '{}',
  status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
  scheduled_at  timestamptz,
  sent_at       timestamptz,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, segment_id) REFERENCES comm_segments (tenant_id, id)
);
CREATE INDEX announcements_by_created ON announcements (tenant_id, created_at DESC, id DESC);

-- One row per member and channel: the key is what makes a retried send send nothing twice.
-- `portal` rows are the news feed; `read_at` is when the member opened it there.
CREATE TABLE announcement_recipients (
  tenant_id        uuid        NOT NULL,
  announcement_id  uuid        NOT NULL,
  member_id        uuid        NOT NULL,
  channel          text        NOT NULL CHECK (channel IN ('portal', 'email', 'sms')),
  address          text,
  status           text        NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'read')),
  reason           text,
  message_id       uuid,
  provider_id      text,
  opened_at        timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, announcement_id, member_id, channel),
  FOREIGN KEY (tenant_id, announcement_id) REFERENCES announcements (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX announcement_recipients_by_member ON announcement_recipients (tenant_id, member_id, channel);
CREATE INDEX announcement_recipients_by_message ON announcement_recipients (tenant_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX announcement_recipients_by_provider ON announcement_recipients (tenant_id, provider_id) WHERE provider_id IS NOT NULL;

-- What a member turned off by one-click unsubscribe or by replying STOP (their portal
-- account's preferences are the identity's; both are asked). `category` '*' is every category.
CREATE TABLE comm_opt_outs (
  tenant_id  uuid        NOT NULL,
  member_id  uuid        NOT NULL,
  channel    text        NOT NULL CHECK (channel IN ('email', 'sms')),
  category   text        NOT NULL,
  source     text        NOT NULL CHECK (source IN ('unsubscribe', 'stop')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, member_id, channel, category)
);

-- Addresses that bounced for good: not written to again until the member's address changes.
CREATE TABLE comm_bounces (
  tenant_id  uuid        NOT NULL,
  address    text        NOT NULL,
  member_id  uuid,
  reason     text        NOT NULL,
  bounced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, address)
);
CREATE INDEX comm_bounces_by_member ON comm_bounces (tenant_id, member_id);

-- The tenant's choices: whether e-mail carries an open pixel, and the SMS quiet hours.
CREATE TABLE comm_settings (
  tenant_id          uuid        NOT NULL PRIMARY KEY,
  open_tracking      boolean     NOT NULL DEFAULT true,
  quiet_hours_start  time,
  quiet_hours_end    time,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE comm_segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE comm_segments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON comm_segments USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE announcements ENABLE ROW LEVEL SECURITY;
ALTER TABLE announcements FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcements USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE announcement_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE announcement_recipients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcement_recipients USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE comm_opt_outs ENABLE ROW LEVEL SECURITY;
ALTER TABLE comm_opt_outs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON comm_opt_outs USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE comm_bounces ENABLE ROW LEVEL SECURITY;
ALTER TABLE comm_bounces FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON comm_bounces USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE comm_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE comm_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON comm_settings USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
