-- Outgoing e-mail: every message is recorded here (status queued) in the transaction of the
-- change that causes it, and a worker renders and sends it later. The row is the delivery
-- log: status, attempts and the last failure; mail_message_log keeps each step.

CREATE TABLE mail_messages (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  kind          text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  to_email      text        NOT NULL,
  to_name       text        NOT NULL DEFAULT '',
  -- What the template shows (no secrets).
  data          jsonb       NOT NULL DEFAULT '{}',
  -- Secrets the message needs (an invitation token), AES-GCM sealed; erased once sent.
  sealed        text,
  status        text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts      integer     NOT NULL DEFAULT 0,
  last_error    text,
  -- The subject as last rendered, for the log.
  subject       text,
  -- RFC 5322 Message-ID: derived from id, the same on every attempt.
  message_id    text        NOT NULL,
  -- A worker sending the message holds it until then; after, another may take it over.
  claimed_until timestamptz,
  response      text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  sent_at       timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX mail_messages_by_status ON mail_messages (tenant_id, status, id);

CREATE TABLE mail_message_log (
  tenant_id  uuid        NOT NULL,
  message_id uuid        NOT NULL,
  seq        integer     NOT NULL,
  status     text        NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  detail     text,
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, message_id, seq),
  FOREIGN KEY (tenant_id, message_id) REFERENCES mail_messages (tenant_id, id) ON DELETE CASCADE
);

-- A tenant's own version of a message kind's template; without a row, the default applies.
CREATE TABLE mail_templates (
  tenant_id  uuid        NOT NULL,
  kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  subject    text        NOT NULL,
  text_body  text        NOT NULL,
  html_body  text        NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind)
);

ALTER TABLE mail_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_messages USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE mail_message_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_message_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_message_log USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE mail_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_templates USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
