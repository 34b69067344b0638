-- Formulas, rollups and cross-field rules (see ../README.md, "Formulas, rollups and rules").

-- A rollup field: a count, sum, min or max over related records, stored like a formula's value.
ALTER TABLE object_fields DROP CONSTRAINT object_fields_type_check;
ALTER TABLE object_fields ADD CONSTRAINT object_fields_type_check
  CHECK (type IN ('text', 'long_text', 'number', 'currency', 'boolean', 'date', 'datetime', 'select', 'multi_select', 'email', 'phone', 'url', 'relation', 'file', 'formula', 'rollup'));

-- An object's cross-field rules, [{id, expression, message, fields}]: a few per object, read with
-- the definition on every write, versioned in object_definition_changes like its fields.
ALTER TABLE object_definitions ADD COLUMN rules jsonb NOT NULL DEFAULT '[]';

-- The computed fields of a tenant (the daily job's volatile formulas, the rollups over an object).
CREATE INDEX object_fields_computed ON object_fields (tenant_id, type) WHERE type IN ('formula', 'rollup') AND removed_at IS NULL;
