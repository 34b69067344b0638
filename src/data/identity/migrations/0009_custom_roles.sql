-- Custom roles may hide fields of other modules' records from whoever holds only them:
-- {"members": {"hidden": ["email", "phone", "notes"]}}. A field stays visible to a user when any
-- of their roles sees it (a role that restricts nothing sees everything). System roles restrict
-- nothing. The roles table is already tenant-keyed with forced row-level security.
ALTER TABLE roles ADD COLUMN field_restrictions jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(field_restrictions) = 'object');
