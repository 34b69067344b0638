-- Custom objects: shared tables for every tenant's definitions and records, tenant_id leading
-- every key (see ../README.md for the design and why it is this one).

-- An object a tenant defines ('object'), or the custom fields of a standard record kind
-- ('extension': key = member, unit, property or lease; its records share the standard record's id).
CREATE TABLE object_definitions (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  kind        text        NOT NULL DEFAULT 'object' CHECK (kind IN ('object', 'extension')),
  singular    text        NOT NULL,
  plural      text        NOT NULL,
  icon        text,
  description text        NOT NULL DEFAULT '',
  -- Bumped by every change of the definition or its fields; object_definition_changes logs each.
  version     integer     NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
-- A key names one live object; an archived object's key may be taken again.
CREATE UNIQUE INDEX object_definitions_live_key ON object_definitions (tenant_id, key) WHERE archived_at IS NULL;

-- A field's identity is its id: the key stays as it was when the label changes, and a field
-- removed and added again under the same key is a new field (its old values stay with the old id).
CREATE TABLE object_fields (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  object_id  uuid        NOT NULL,
  key        text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label      text        NOT NULL,
  type       text        NOT NULL CHECK (type IN ('text', 'long_text', 'number', 'currency', 'boolean', 'date', 'datetime', 'select', 'multi_select', 'email', 'phone', 'url', 'relation', 'file', 'formula')),
  config     jsonb       NOT NULL DEFAULT '{}',
  rules      jsonb       NOT NULL DEFAULT '{}',
  position   integer     NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Removed: hidden, its values kept. Purged: its values deleted (by a job), never to come back.
  removed_at timestamptz,
  purged_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, object_id) REFERENCES object_definitions (tenant_id, id)
);
CREATE UNIQUE INDEX object_fields_live_key ON object_fields (tenant_id, object_id, key) WHERE removed_at IS NULL;
CREATE INDEX object_fields_by_object ON object_fields (tenant_id, object_id, position);

-- Every change of a definition, one row per version: the version's primary key makes two
-- concurrent changes of one object queue rather than both claim the same version.
CREATE TABLE object_definition_changes (
  tenant_id  uuid        NOT NULL,
  object_id  uuid        NOT NULL,
  version    integer     NOT NULL,
  action     text        NOT NULL,
  field_id   uuid,
  details    jsonb       NOT NULL DEFAULT '{}',
  actor      uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, object_id, version),
  FOREIGN KEY (tenant_id, object_id) REFERENCES object_definitions (tenant_id, id)
);

-- A record: `data` is its source of truth, keyed by field id (never by key), read in one row.
-- Adding a field rewrites nothing: a field missing from `data` is null.
CREATE TABLE object_records (
  tenant_id  uuid        NOT NULL,
  object_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  data       jsonb       NOT NULL DEFAULT '{}',
  version    integer     NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, object_id) REFERENCES object_definitions (tenant_id, id)
);
-- The default order (creation: ids are UUIDv7) and the walk over one object's records.
CREATE INDEX object_records_by_object ON object_records (tenant_id, object_id, id);

-- A typed index of every scalar value: one row per record and scalar field, nulls included (so
-- that they sort), written by the repository in the record's own transaction. kind: n number
-- (number, currency minor units), b boolean (0/1 in num), t text (text, e-mail, phone, URL,
-- select, a to-one relation's target id, a file's document id), d date and date-time (ts).
-- `uniq`, `min` and `max` copy the field's rules into each row, so that the database itself
-- enforces them: a range CHECK, and partial unique indexes that hold under concurrency.
CREATE TABLE object_values (
  tenant_id uuid    NOT NULL,
  object_id uuid    NOT NULL,
  field_id  uuid    NOT NULL,
  record_id uuid    NOT NULL,
  kind      char(1) NOT NULL CHECK (kind IN ('n', 'b', 't', 'd')),
  num       numeric,
  txt       text,
  ts        timestamptz,
  uniq      boolean NOT NULL DEFAULT false,
  min       numeric,
  max       numeric,
  PRIMARY KEY (tenant_id, field_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES object_records (tenant_id, id) ON DELETE CASCADE,
  -- A number's range is its value's; a text's, its length in characters; a date's, its epoch seconds.
  CONSTRAINT object_values_range CHECK (num IS NULL OR ((min IS NULL OR num >= min) AND (max IS NULL OR num <= max))),
  CONSTRAINT object_values_length CHECK (txt IS NULL OR ((min IS NULL OR char_length(txt) >= min) AND (max IS NULL OR char_length(txt) <= max))),
  CONSTRAINT object_values_date_range CHECK (ts IS NULL OR ((min IS NULL OR extract(epoch FROM ts) >= min) AND (max IS NULL OR extract(epoch FROM ts) <= max)))
);
-- Filter, sort and keyset cursor on any field, nulls last ascending (first descending): the
-- order is (is null, value, record), each kind's own index, so that a page of any field over
-- 100,000 records is a range scan of one index.
CREATE INDEX object_values_num ON object_values (tenant_id, field_id, (num IS NULL), (coalesce(num, 0)), record_id) WHERE kind IN ('n', 'b');
CREATE INDEX object_values_txt ON object_values (tenant_id, field_id, (txt IS NULL), (coalesce(txt, '')), record_id) WHERE kind = 't';
CREATE INDEX object_values_ts ON object_values (tenant_id, field_id, (ts IS NULL), (coalesce(ts, 'epoch'::timestamptz)), record_id) WHERE kind = 'd';
CREATE INDEX object_values_by_record ON object_values (tenant_id, record_id);
-- Unique rules. Nulls never collide; texts collide ignoring case (a plate is a plate).
CREATE UNIQUE INDEX object_values_unique_num ON object_values (tenant_id, field_id, num) WHERE uniq AND kind IN ('n', 'b');
CREATE UNIQUE INDEX object_values_unique_txt ON object_values (tenant_id, field_id, lower(txt)) WHERE uniq AND kind = 't';
CREATE UNIQUE INDEX object_values_unique_ts ON object_values (tenant_id, field_id, ts) WHERE uniq AND kind = 'd';

-- Many-to-many relations: one row per link. `to_id` may be a standard record (a member, a
-- unit...), which this module cannot reference by key: the service checks it exists.
CREATE TABLE object_links (
  tenant_id uuid NOT NULL,
  field_id  uuid NOT NULL,
  from_id   uuid NOT NULL,
  to_id     uuid NOT NULL,
  PRIMARY KEY (tenant_id, field_id, from_id, to_id),
  FOREIGN KEY (tenant_id, from_id) REFERENCES object_records (tenant_id, id) ON DELETE CASCADE
);
-- "The records pointing at X": for rollups and for removing links to a deleted record.
CREATE INDEX object_links_to ON object_links (tenant_id, to_id, field_id);

ALTER TABLE object_definitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_definitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_definitions USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_fields ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_fields FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_fields USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_definition_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_definition_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_definition_changes USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_records USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_values FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_values USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE object_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_links USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- Plan limits and the platform's usage: live objects, live fields and records, kept in
-- tenant_tallies by the statements that change them.
CREATE TRIGGER object_definitions_tally_insert AFTER INSERT ON object_definitions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objects', 'CASE WHEN archived_at IS NULL AND kind = ''object'' THEN 1 ELSE 0 END');
CREATE TRIGGER object_definitions_tally_update AFTER UPDATE ON object_definitions
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objects', 'CASE WHEN archived_at IS NULL AND kind = ''object'' THEN 1 ELSE 0 END');
CREATE TRIGGER object_definitions_tally_delete AFTER DELETE ON object_definitions
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objects', 'CASE WHEN archived_at IS NULL AND kind = ''object'' THEN 1 ELSE 0 END');
CREATE TRIGGER object_fields_tally_insert AFTER INSERT ON object_fields
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objectFields', 'CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END');
CREATE TRIGGER object_fields_tally_update AFTER UPDATE ON object_fields
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objectFields', 'CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END');
CREATE TRIGGER object_fields_tally_delete AFTER DELETE ON object_fields
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objectFields', 'CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END');
CREATE TRIGGER object_records_tally_insert AFTER INSERT ON object_records
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objectRecords', '1');
CREATE TRIGGER object_records_tally_delete AFTER DELETE ON object_records
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('objectRecords', '1');
