import type { TenantContext } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { readCsv } from '../../../kernel/http/csv.js';
import { newId } from '../../../kernel/ids.js';
import { refuseBeyondLimit } from '../../../kernel/metering/tallies.repository.js';
import { hiddenFields } from '../../../kernel/security/field-restrictions.js';
import { loadObject, type LoadedObject, loadModel } from '../definitions/index.js';
import { indexed, isUuid, kindOf, type FieldDef } from '../fields.js';
import { objectsErrors } from '../objects.errors.js';
import { cellValue, columnField, isComputed, OWN_COLUMNS } from './records.csv.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type RecordImportProblem, type RecordImportReport } from './records.io.schemas.js';
import { RecordsLookupRepository, RecordsRepository, type RecordRow, changeRecord, createdEvent, recordLimit, checkWrite, existingTargets, resourceOf, valueRefusal, type CheckedWrite } from '../records/index.js';
import { emitAll } from '../../../kernel/events/outbox.js';
import { existingDocuments } from '../../documents/index.js';
import { computeWrites, propagate, scopeOf } from '../computed/index.js';

/**
 * Importing an object's records from CSV. Every row goes through the records service's own
 * checks (`checkWrite`); the references and unique values of all rows are then checked in a
 * query per field (not per row), with the file's own duplicates; a dry run stops there with the
 * report. A real import refuses the whole file if any row has a problem, and otherwise stores
 * the new rows a few hundred per statement (a matched row through the service's `changeRecord`)
 * and emits the records' events, in the request's transaction: all or nothing.
 */

interface Row {
  line: number;
  cells: string[];
}

interface PlannedRow {
  line: number;
  body: Record<string, unknown>;
  /** The stored record the match field found, for an update. */
  existingId?: string;
  /** The row's values as the service accepted them (references and unique values checked apart). */
  write?: CheckedWrite;
  /** A new record's id, given when it is planned: its formulas are computed before it is stored. */
  id: string;
}

/** Relations and files of every row, checked in one query per field: the ids they name must exist (for this tenant: RLS). */
async function refuseMissing(ctx: TenantContext, rows: (PlannedRow & { write: CheckedWrite })[], problems: RecordImportProblem[]): Promise<void> {
  const idsOf = (row: PlannedRow & { write: CheckedWrite }, field: FieldDef): string[] => {
    const value = row.write.patch[field.id];
    return value === null || value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
  };
  const fields = [...new Set(rows.flatMap((r) => r.write.changed))].filter((f) => f.type === 'relation' || f.type === 'file');
  for (const field of fields) {
    const ids = [...new Set(rows.flatMap((r) => idsOf(r, field)))];
    const found = field.type === 'file' ? await existingDocuments(ctx.db, ids) : await existingTargets(ctx, field, ids);
    for (const row of rows) {
      const missing = idsOf(row, field).filter((id) => !found.has(id));
      if (missing.length > 0) problems.push({ row: row.line, column: field.key, code: 'not_found', message: `points at no ${field.type === 'file' ? 'document' : field.config.target}: ${missing.join(', ')}` });
    }
  }
}

/**
 * Unique values: held by a stored record (other than the one a row updates), or by an earlier
 * row of the file. Texts are looked up for all rows at once; other kinds row by row.
 */
async function refuseTakenValues(ctx: TenantContext, rows: (PlannedRow & { write: CheckedWrite })[], problems: RecordImportProblem[]): Promise<void> {
  const fields = [...new Set(rows.flatMap((r) => r.write.changed))].filter((f) => f.rules.unique && kindOf(f));
  const records = new RecordsRepository(ctx.db);
  for (const field of fields) {
    const holding = rows.filter((r) => r.write.patch[field.id] !== null && r.write.patch[field.id] !== undefined);
    const stored = kindOf(field) === 't' ? await new RecordsLookupRepository(ctx.db).idsByText(field.id, holding.map((r) => r.write.patch[field.id] as string)) : null;
    const firstSeen = new Map<string, number>();
    for (const row of holding) {
      const value = row.write.patch[field.id];
      const key = uniqueKey(field, value)!;
      const at = firstSeen.get(key);
      if (at !== undefined) {
        problems.push({ row: row.line, column: field.key, code: 'duplicate_in_file', message: `has the same value as row ${at}` });
        continue;
      }
      firstSeen.set(key, row.line);
      const holder = stored ? stored.get(key) : (await records.taken(field, value, row.existingId ?? newId())) ? 'another' : undefined;
      if (holder !== undefined && holder !== row.existingId) problems.push({ row: row.line, column: field.key, code: 'unique', message: 'is already taken by another record' });
    }
  }
}

const TEXT_TYPES = new Set(['text', 'email', 'phone', 'url']);
/** A field whose value can name a record: unique, and text. */
const isLabel = (f: FieldDef) => f.rules.unique === true && TEXT_TYPES.has(f.type);

/** Records per INSERT statement. */
const BATCH = 500;

/**
 * New records from checked writes, a few hundred per statement, with their value rows (every
 * live scalar field, nulls included, as a single create writes them) and links.
 */
async function storeRecords(ctx: TenantContext, object: LoadedObject, writes: { id: string; write: CheckedWrite }[]): Promise<RecordRow[]> {
  const repo = new RecordsRepository(ctx.db);
  const stored: RecordRow[] = [];
  for (let i = 0; i < writes.length; i += BATCH) {
    const batch = writes.slice(i, i + BATCH).map(({ id, write }) => ({ id, data: write.patch, links: write.links }));
    const rows = await repo.insertMany(ctx.tenant.id, object.definition.id, batch, ctx.principal?.userId ?? null);
    try {
      await repo.writeValuesOf(ctx.tenant.id, object.definition.id, rows, object.live);
    } catch (error) {
      // Another request stored one of the file's unique values since it was checked.
      throw valueRefusal(error, object.live);
    }
    for (const record of batch) for (const link of record.links) await repo.replaceLinks(ctx.tenant.id, link.field.id, record.id, link.ids);
    stored.push(...rows);
  }
  return stored;
}

const tooLarge = (what: string) => new AppError(objectsErrors.import_too_large, `The file has ${what}; an import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows and ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it`, { maxRows: IMPORT_MAX_ROWS, maxBytes: IMPORT_MAX_BYTES });

function readRows(text: string, problems: RecordImportProblem[]): { header: string[]; rows: Row[] } {
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw tooLarge('more than 5 MB');
  const file = readCsv(text);
  if ('error' in file) {
    problems.push({ row: file.error.line, column: null, code: 'invalid_csv', message: file.error.message });
    return { header: [], rows: [] };
  }
  if (file.rows.length > IMPORT_MAX_ROWS) throw tooLarge(`${file.rows.length.toLocaleString('en')} rows`);
  return file;
}

type Column = { field: FieldDef } | { ignored: string } | null;

function readHeader(ctx: TenantContext, object: LoadedObject, header: string[], problems: RecordImportProblem[]): Column[] {
  const hidden = hiddenFields(ctx.principal, resourceOf(object.definition.key));
  const seen = new Set<string>();
  return header.map((cell): Column => {
    if ((OWN_COLUMNS as readonly string[]).includes(cell.trim())) return { ignored: cell.trim() };
    const field = columnField(object.live, cell);
    if (!field || hidden.has(field.key)) {
      problems.push({ row: 1, column: cell.slice(0, 64), code: 'unknown_column', message: cell.trim() === '' ? 'A column has no name' : `"${cell.slice(0, 64)}" is not a field of the object` });
      return null;
    }
    if (isComputed(field)) return { ignored: field.key };
    if (seen.has(field.key)) {
      problems.push({ row: 1, column: field.key, code: 'duplicate_column', message: 'appears twice in the header' });
      return null;
    }
    seen.add(field.key);
    return { field };
  });
}

/**
 * The records that relation cells name by label: for each relation to a custom object with a
 * unique text field, the cells that are not ids, looked up in one query per field.
 */
async function labelsOf(ctx: TenantContext, columns: Column[], rows: Row[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [i, column] of columns.entries()) {
    if (!column || !('field' in column) || column.field.type !== 'relation' || !column.field.config.targetObjectId) continue;
    const field = column.field;
    const target = await loadObject(ctx, field.config.target!, 'object').catch(() => null);
    const label = target?.live.find(isLabel);
    if (!label) continue;
    const texts = rows.flatMap((r) => (r.cells[i] ?? '').split(field.config.many ? /[;,]/ : /$^/).map((s) => s.trim()).filter((s) => s !== '' && !isUuid(s)));
    out.set(field.key, await new RecordsLookupRepository(ctx.db).idsByText(label.id, texts));
  }
  return out;
}

function matchFieldOf(object: LoadedObject, columns: Column[], match: string | undefined): FieldDef | undefined {
  if (match === undefined) return undefined;
  const field = object.byKey.get(match);
  const refuse = (message: string) => new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'match', message, in: 'querystring' } as FieldError] });
  if (!field || !isLabel(field)) throw refuse('must be the key of a unique text, e-mail, phone or URL field');
  if (!columns.some((c) => c && 'field' in c && c.field.key === match)) throw refuse('names a field the file has no column for');
  return field;
}

/** A unique value as the unique index compares it (texts ignoring case). */
const uniqueKey = (field: FieldDef, value: unknown): string | null => {
  const row = indexed(field, value);
  return row ? (row.txt?.toLowerCase() ?? row.num ?? row.ts) : null;
};

const problemsOf = (line: number, error: unknown): RecordImportProblem[] => {
  if (!(error instanceof AppError)) throw error;
  const errors = error.extra.errors ?? [];
  if (errors.length === 0) return [{ row: line, column: null, code: error.code, message: error.message }];
  return errors.map((e) => ({ row: line, column: e.field, code: e.code ?? error.code, message: e.message }));
};

export async function importRecords(ctx: TenantContext, key: string, text: string, options: { dryRun: boolean; match?: string }): Promise<RecordImportReport> {
  // A real import holds the object's definition still until it commits.
  const object = await loadObject(ctx, key, 'object', !options.dryRun);
  const problems: RecordImportProblem[] = [];
  const { header, rows } = readRows(text, problems);
  const columns = readHeader(ctx, object, header, problems);
  const matchField = matchFieldOf(object, columns, options.match);
  const labels = await labelsOf(ctx, columns, rows);
  const existing = matchField ? await new RecordsLookupRepository(ctx.db).idsByText(matchField.id, rows.map((r) => r.cells[columns.findIndex((c) => c && 'field' in c && c.field === matchField)] ?? '')) : new Map<string, string>();

  const planned: PlannedRow[] = [];
  for (const row of rows) {
    const body: Record<string, unknown> = {};
    const rowProblems: RecordImportProblem[] = [];
    columns.forEach((column, i) => {
      if (!column || !('field' in column)) return;
      const parsed = cellValue(column.field, row.cells[i] ?? '', labels.get(column.field.key));
      if (parsed.ok) body[column.field.key] = parsed.value;
      else rowProblems.push({ row: row.line, column: parsed.error.field, code: parsed.error.code ?? 'invalid_type', message: parsed.error.message });
    });
    if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c !== '')) rowProblems.push({ row: row.line, column: null, code: 'extra_cells', message: `has ${row.cells.length} cells but the header names ${header.length} columns` });
    const existingId = matchField && typeof body[matchField.key] === 'string' ? existing.get((body[matchField.key] as string).toLowerCase()) : undefined;
    let write: CheckedWrite | undefined;
    try {
      // The cells that read are checked by the service even when others did not: every problem at once.
      write = await checkWrite(ctx, object, body, existingId === undefined, false);
    } catch (error) {
      const unread = new Set(rowProblems.map((p) => p.column));
      rowProblems.push(...problemsOf(row.line, error).filter((p) => !unread.has(p.column)));
    }
    if (rowProblems.length > 0) write = undefined;
    problems.push(...rowProblems);
    planned.push({ line: row.line, body, id: newId(), ...(existingId ? { existingId } : {}), ...(write ? { write } : {}) });
  }
  const checked = planned.filter((p): p is PlannedRow & { write: CheckedWrite } => p.write !== undefined);
  await refuseMissing(ctx, checked, problems);
  await refuseTakenValues(ctx, checked, problems);
  // New records' formulas are computed (so they sort and filter at once) and the object's rules checked, as a create does.
  const fresh = checked.filter((p) => !p.existingId);
  const model = await loadModel(ctx.db, ctx.tenant.id);
  const failures = await computeWrites(ctx, model, object, fresh.map((p) => ({ id: p.id, before: null, write: p.write })));
  fresh.forEach((p, i) => problems.push(...failures[i]!.map((e) => ({ row: p.line, column: e.field, code: e.code ?? 'rule', message: e.message }))));
  problems.sort((a, b) => a.row - b.row);

  const created = planned.filter((p) => !p.existingId).length;
  if (problems.length === 0) {
    try {
      await refuseBeyondLimit(ctx, 'objectRecords', ctx.licence.claims.limits.objectRecords, created, () => recordLimit(ctx));
    } catch (error) {
      problems.push(...problemsOf(1, error));
    }
  }
  const report: RecordImportReport = {
    dryRun: options.dryRun,
    rows: rows.length,
    created,
    updated: planned.length - created,
    columns: columns.flatMap((c) => (c && 'field' in c ? [c.field.key] : [])),
    ignoredColumns: columns.flatMap((c) => (c && 'ignored' in c ? [c.ignored] : [])),
    errors: problems,
  };
  if (options.dryRun) return report;
  if (problems.length > 0) {
    const bad = new Set(problems.map((p) => p.row)).size;
    // The report's problems are the problem's field errors, each with its row.
    throw new AppError(objectsErrors.import_rejected, `Rows with problems: ${bad}; nothing was imported`, { ...report, errors: problems.map((p) => ({ ...p, field: p.column ?? 'row' })) as FieldError[] });
  }
  if (rows.length === 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'body', message: 'has no rows below the header' }] });
  for (const row of planned.filter((p) => p.existingId)) await changeRecord(ctx, object, row.existingId!, row.body, undefined);
  const stored = await storeRecords(ctx, object, planned.filter((p) => !p.existingId).map((p) => ({ id: p.id, write: p.write! })));
  // Rollups over this object's records (a permit's payments) take the new ones in.
  for (const row of stored) await propagate(scopeOf(ctx), model, object.definition.id, row.id, null, row.data);
  await emitAll(ctx, `object.${object.definition.key}.created`, stored.map((row) => createdEvent(object, row)));
  return report;
}
