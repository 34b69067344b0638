import { defineErrors } from '../../kernel/errors.js';

export const objectsErrors = defineErrors('objects', {
  key_taken: { status: 409, title: 'An object with this key exists already', description: 'A live object (or a standard record kind\'s custom fields) has the key already; an archived object\'s key may be used again' },
  field_key_taken: { status: 409, title: 'The object has a field with this key already', description: 'Adding or restoring a field whose key a live field of the object has' },
  value_taken: { status: 409, title: 'Another record has this value already', description: 'A unique field\'s value is another record\'s (texts compared ignoring case); the field errors name the field, with `code` `unique`' },
  rule_violated_by_data: { status: 409, title: 'Existing records break the new rule', description: 'Making a field unique, or changing its range, when stored values break it: `duplicates` lists values held by more than one record, `violations` counts the records out of range; nothing changed' },
  version_conflict: { status: 409, title: 'The record has changed since you read it', description: 'An `If-Match` named a version the record no longer has; `currentVersion` is the one it has' },
  api_only_field: { status: 403, title: 'Only the API may write this field', description: 'A person (not an API key) wrote a field whose `apiOnly` rule lets only integrations write it; the field errors name it' },
  rule_failed: { status: 422, title: 'The record breaks a rule of the object', description: 'A cross-field rule of the object (e.g. `valid_to > valid_from`) is false for the record as written; the field errors carry the rule\'s message on the fields it names, or else on the first field it reads (`code` `rule`)' },
  import_rejected: { status: 422, title: 'The import has rows with problems; nothing was imported', description: 'A CSV import (not a dry run) found problems in rows or the header: `errors` lists them, each with its `row` and `column`; nothing was written' },
  import_too_large: { status: 413, title: 'The file is too large to import', description: 'A CSV import of more than 10,000 rows or 5 MB: split the file' },
  field_not_removed: { status: 409, title: 'The field is not removed', description: 'Only a removed field can be purged (its values deleted) or restored' },
});
