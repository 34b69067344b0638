-- Automations of custom objects: what to do when a record is created, changed or deleted, or
-- when a date of it arrives; each run is logged, once per automation and trigger
-- (see ../README.md, "Automations").

CREATE TABLE object_automations (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  object_id  uuid        NOT NULL,
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  enabled    boolean     NOT NULL DEFAULT true,
  -- {type: created|updated|deleted|date, fields?, field?, offsetDays?}, checked by the service.
  trigger    jsonb       NOT NULL,
  -- An expression of the object's fields (purpose 'condition'); null: always.
  condition  text,
  actions    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, object_id) REFERENCES object_definitions (tenant_id, id)
);
CREATE INDEX object_automations_by_object ON object_automations (tenant_id, object_id, id);

-- One run per automation and trigger: `trigger_key` is `event:<event id>` or
-- `date:<record id>:<date>`, so a redelivered event or a daily job run twice finds its run.
-- `actions` holds each action's outcome ({status, error, attempts, at}), written in the
-- transaction that did the action: a retry skips the actions already done.
CREATE TABLE object_automation_runs (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  automation_id uuid        NOT NULL,
  trigger_key   text        NOT NULL,
  record_id     uuid,
  status        text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  attempts      integer     NOT NULL DEFAULT 0,
  error         text,
  actions       jsonb       NOT NULL DEFAULT '[]',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, automation_id, trigger_key),
  FOREIGN KEY (tenant_id, automation_id) REFERENCES object_automations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX object_automation_runs_log ON object_automation_runs (tenant_id, automation_id, id DESC);
-- Runs are kept 90 days (objects.automation-prune): long after a retry or a late date could need them.
CREATE INDEX object_automation_runs_age ON object_automation_runs (tenant_id, updated_at);

-- The record versions automations wrote: their events trigger no automation (no loops).
CREATE TABLE object_automation_writes (
  tenant_id  uuid        NOT NULL,
  record_id  uuid        NOT NULL,
  version    integer     NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, record_id, version)
);
CREATE INDEX object_automation_writes_age ON object_automation_writes (tenant_id, written_at);

ALTER TABLE object_automations ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_automations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_automations USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_automation_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_automation_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_automation_runs USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_automation_writes ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_automation_writes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_automation_writes USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
