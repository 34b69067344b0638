import { Type, type Static } from 'typebox';
import { Nullable } from '../../../kernel/http/schemas.js';
import { ListRecordsQuery } from '../objects.schemas.js';

export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const RecordImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({ default: false, description: 'Check the file and tell what would change, writing nothing.' }),
    match: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A unique text field (key): a row whose value a stored record holds updates that record; the others are created.' })),
  },
  { additionalProperties: false },
);

export const RecordImportProblem = Type.Object({
  row: Type.Integer({ description: 'Line of the file the row starts on, counting the header as line 1 (the first data row is 2); 1 for a problem of the header or the whole file.' }),
  column: Nullable(Type.String({ description: 'The field key (or the header cell, for a column that names no field); null for the row as a whole.' })),
  code: Type.String({ description: 'required, pattern, unique, duplicate_in_file, unknown_option, invalid_type, not_found, unknown_column, ...' }),
  message: Type.String(),
});
export type RecordImportProblem = Static<typeof RecordImportProblem>;

export const RecordImportReport = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Integer({ description: 'Data rows in the file (empty lines not counted).' }),
  created: Type.Integer({ description: 'Records created (or that would be, on a dry run).' }),
  updated: Type.Integer({ description: 'Records updated through the match field (or that would be).' }),
  columns: Type.Array(Type.String(), { description: 'The field keys the header\'s columns name, in order; ignored columns (a record\'s own members, computed fields) left out.' }),
  ignoredColumns: Type.Array(Type.String(), { description: 'Header cells read and not imported: id, createdAt, updatedAt, version and computed fields.' }),
  errors: Type.Array(RecordImportProblem),
});
export type RecordImportReport = Static<typeof RecordImportReport>;

export const RecordExportQuery = Type.Object(
  {
    q: ListRecordsQuery.properties.q,
    sort: ListRecordsQuery.properties.sort,
    bom: Type.Optional(Type.Boolean({ default: false, description: 'Start the file with a UTF-8 byte order mark, so that Excel reads accents right.' })),
  },
  { additionalProperties: Type.String({ maxLength: 500 }), description: (ListRecordsQuery as { description?: string }).description },
);
export type RecordExportQuery = Static<typeof RecordExportQuery> & Record<string, string | number | boolean | undefined>;
