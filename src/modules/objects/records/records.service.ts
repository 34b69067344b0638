import type { TenantContext } from '../../../kernel/context.js';
import { containsPattern } from '../../../kernel/db/like.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { emit, emitting } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { forgetModel, isCurrent, loadModel, modelOf, modelToWrite, loadObject, type LoadedObject } from '../definitions/index.js';
import { isStandardTarget, kindOf, type FieldDef } from '../fields.js';
import { affectedBy, computeWrite, propagate, recomputeAffected, scopeOf } from '../computed/index.js';
import { objectsErrors } from '../objects.errors.js';
import type { ListRecordsQuery, ObjectRecord, RecordBody } from '../objects.schemas.js';
import { checkCursor, checkCursorShape, cursorOf, parseFilters, parseSort } from './records.query.js';
import { RecordsRepository, type RecordRow } from './records.repository.js';
import { checkWrite, existingTargets, recordView, refuseTaken, valueRefusal, visibleFields, type CheckedWrite } from './records.values.js';

const actorOf = (ctx: TenantContext) => ctx.principal?.userId ?? null;

/** `object.<key>.created|updated|deleted`: the record with every field (webhooks serve integrations, as member events do). */
const eventType = (object: LoadedObject, what: 'created' | 'updated' | 'deleted') => `object.${object.definition.key}.${what}`;

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export async function listRecords(ctx: TenantContext, key: string, query: ListRecordsQuery & { limit: number }) {
  // A forged cursor is refused before anything is looked up, as on every other list.
  const values = query.cursor === undefined ? undefined : checkCursorShape(decode(query.cursor));
  const object = await loadObject(ctx, key, 'object');
  const fields = visibleFields(ctx, object);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const filters = parseFilters(query, byKey);
  const { keys, desc } = parseSort(query.sort, byKey);
  let after: unknown[] | null = null;
  if (values !== undefined) {
    if (keys.length > 0) after = checkCursor(keys, values);
    else if (values.length === 1) after = values;
    else throw new AppError('invalid_cursor', 'The cursor is not one this list gave out');
  }
  const texts = fields.filter((f) => kindOf(f) === 't' && f.type !== 'relation' && f.type !== 'file').map((f) => f.id);
  const search = query.q ? { fieldIds: texts, pattern: containsPattern(query.q) } : null;
  const rows = await new RecordsRepository(ctx.db).list(object.definition.id, { filters, keys, desc, after, search, limit: query.limit });
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  const nextCursor = rows.length > query.limit && last ? (keys.length > 0 ? cursorOf(keys, last) : Buffer.from(JSON.stringify([last.id])).toString('base64url')) : null;
  return { data: data.map((r) => recordView(r, fields)), nextCursor };
}

export async function getRecord(ctx: TenantContext, key: string, id: string): Promise<ObjectRecord> {
  const object = await loadObject(ctx, key, 'object');
  const row = await new RecordsRepository(ctx.db).find(object.definition.id, id);
  if (!row) throw notFound(`The ${object.definition.singular} record`);
  return recordView(row, visibleFields(ctx, object));
}

/** Writes a record's value rows and links; the database's refusals become the problems a client can act on. */
async function writeIndex(ctx: TenantContext, object: LoadedObject, row: RecordRow, fields: FieldDef[], write: CheckedWrite): Promise<void> {
  const repo = new RecordsRepository(ctx.db);
  try {
    await repo.writeValues(ctx.tenant.id, object.definition.id, row.id, fields, row.data);
  } catch (error) {
    throw valueRefusal(error, write.changed);
  }
  for (const link of write.links) await repo.replaceLinks(ctx.tenant.id, link.field.id, row.id, link.ids);
}

export const recordLimit = (ctx: TenantContext) =>
  new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${ctx.licence.claims.limits.objectRecords} records of custom objects; upgrade the plan to add more`, { limit: ctx.licence.claims.limits.objectRecords, resource: 'objectRecords' });

/** Creates a record is tried again when a definition changed under it (the cached model went stale), at most this often. */
const CREATE_ATTEMPTS = 3;

/**
 * Creates a record of the object (or extension) `key`, with `id`. Everything up to the write
 * reads; the write is one statement (the event, the record, its value rows, the plan's limit),
 * guarded by the model's stamp: a create works from the cached model without asking whether it
 * is current, and goes again from the model its transaction sees when the statement says it
 * was not (model.cache.ts).
 */
async function insertRecord(ctx: TenantContext, key: string, kind: 'object' | 'extension', id: string, body: RecordBody): Promise<{ object: LoadedObject; row: RecordRow }> {
  const repo = new RecordsRepository(ctx.db);
  for (let attempt = 1; ; attempt++) {
    const { model, stamp, verified } = await modelToWrite(ctx.db, ctx.tenant.id);
    const object = model.byKey.get(key);
    const stale = () => {
      forgetModel(ctx.tenant.id);
      if (attempt >= CREATE_ATTEMPTS) throw new AppError('conflict', 'The object\'s definition changed while the record was being created: send it again');
    };
    if (!object || object.definition.kind !== kind) {
      if (verified) throw notFound('The object');
      stale();
      continue;
    }
    let write: CheckedWrite;
    try {
      write = await checkWrite(ctx, object, body, true);
      await refuseTaken(ctx, id, write);
      await computeWrite(ctx, model, object, id, null, write);
    } catch (error) {
      // A refusal by a model that may be stale (a field it does not know yet) stands only once the model is known current.
      if (verified || (await isCurrent(ctx.db, stamp))) throw error;
      stale();
      continue;
    }
    const at = new Date();
    const row: RecordRow = { id, objectId: object.definition.id, data: write.patch, version: 1, createdAt: at, updatedAt: at, createdBy: actorOf(ctx), updatedBy: actorOf(ctx) };
    let outcome: Awaited<ReturnType<RecordsRepository['insertWithValues']>>;
    try {
      // Every live scalar field gets its value row, nulls included, so that the record sorts on any field.
      outcome = await repo.insertWithValues(ctx.tenant.id, object.definition.id, { id, data: row.data, at }, object.live, row.createdBy, {
        limit: ctx.licence.claims.limits.objectRecords ?? null,
        stamp,
        event: (written) => emitting(ctx, eventType(object, 'created'), createdEvent(object, row), written).insert,
      });
    } catch (error) {
      // Two first writes of a standard record's custom fields at once: the second finds its record made.
      if ((error as { constraint?: string }).constraint === 'object_records_pkey') throw new AppError('conflict', 'The record was created meanwhile: read it and send the change again');
      throw valueRefusal(error, write.changed);
    }
    if (outcome === 'stale') {
      stale();
      continue;
    }
    if (outcome === 'limit') throw recordLimit(ctx);
    for (const link of write.links) await repo.replaceLinks(ctx.tenant.id, link.field.id, id, link.ids);
    await propagate(scopeOf(ctx), model, object.definition.id, id, null, row.data);
    return { object, row };
  }
}

/** The data of a record's `object.<key>.created` event (an import emits them all at once). */
export const createdEvent = (object: LoadedObject, row: RecordRow) => ({ object: object.definition.key, ...recordView(row, object.live) });

export async function createRecord(ctx: TenantContext, key: string, body: RecordBody): Promise<ObjectRecord> {
  const { object, row } = await insertRecord(ctx, key, 'object', newId(), body);
  return recordView(row, visibleFields(ctx, object));
}

/** `If-Match: "3"` (or 3, or W/"3") as a version; undefined without one. */
export function versionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'if-match', message: 'must be a record version, e.g. "3"', in: 'headers' } as never] });
  return Number(m[1]);
}

export async function changeRecord(ctx: TenantContext, object: LoadedObject, id: string, body: RecordBody, expected: number | undefined): Promise<RecordRow> {
  const write = await checkWrite(ctx, object, body, false);
  await refuseTaken(ctx, id, write);
  const repo = new RecordsRepository(ctx.db);
  // Locked: its computed values are worked out from the record as this write leaves it.
  const before = await repo.find(object.definition.id, id, true);
  if (!before) throw notFound(`The ${object.definition.singular} record`);
  if (expected !== undefined && before.version !== expected) throw new AppError(objectsErrors.version_conflict, `The record is at version ${before.version}, not ${expected}: read it again`, { currentVersion: before.version });
  // The model the object was read with, in this transaction (an import's locked object has none).
  const model = modelOf(object) ?? (await loadModel(ctx.db, ctx.tenant.id));
  await computeWrite(ctx, model, object, id, before.data, write);
  const row = (await repo.update(object.definition.id, id, write.patch, actorOf(ctx), expected))!;
  await writeIndex(ctx, object, row, write.changed, write);
  await propagate(scopeOf(ctx), model, object.definition.id, id, before.data, row.data);
  await emit(ctx, eventType(object, 'updated'), { object: object.definition.key, ...recordView(row, object.live), changed: write.changed.map((f) => f.key) });
  return row;
}

export async function updateRecord(ctx: TenantContext, key: string, id: string, body: RecordBody, ifMatch?: string): Promise<ObjectRecord> {
  const object = await loadObject(ctx, key, 'object');
  return recordView(await changeRecord(ctx, object, id, body, versionOf(ifMatch)), visibleFields(ctx, object));
}

export async function deleteRecord(ctx: TenantContext, key: string, id: string): Promise<void> {
  const object = await loadObject(ctx, key, 'object');
  const repo = new RecordsRepository(ctx.db);
  const before = await repo.find(object.definition.id, id, true);
  if (!before) throw notFound(`The ${object.definition.singular} record`);
  // The records whose rollups read it, found before its links go with it.
  const scope = scopeOf(ctx);
  // The model the object was read with, in this transaction.
  const model = modelOf(object) ?? (await loadModel(ctx.db, ctx.tenant.id));
  const affected = await affectedBy(scope, model, object.definition.id, id, before.data, null);
  if (!(await repo.delete(object.definition.id, id))) throw notFound(`The ${object.definition.singular} record`);
  await recomputeAffected(scope, model, affected);
  await emit(ctx, eventType(object, 'deleted'), { object: object.definition.key, id });
}

/**
 * The custom fields of a standard record (a member, a unit, a property, a lease): its extension
 * record shares its id. Reading a record that has none yet answers its fields as nulls; the
 * standard record itself must exist (checked through its module's reads).
 */
async function extensionOf(ctx: TenantContext, target: string, id: string): Promise<{ object: LoadedObject; row: RecordRow | undefined }> {
  if (!isStandardTarget(target)) throw notFound('The record kind');
  const object = await loadObject(ctx, target, 'extension').catch(() => {
    throw notFound(`Custom fields of ${target}`);
  });
  const exists = await existingTargets(ctx, { config: { target } } as FieldDef, [id]);
  if (!exists.has(id)) throw notFound(`The ${target}`);
  return { object, row: await new RecordsRepository(ctx.db).find(object.definition.id, id) };
}

export async function getExtension(ctx: TenantContext, target: string, id: string): Promise<ObjectRecord> {
  const { object, row } = await extensionOf(ctx, target, id);
  const now = new Date(0);
  return recordView(row ?? { id, data: {}, version: 0, createdAt: now, updatedAt: now }, visibleFields(ctx, object));
}

/** Sets a standard record's custom fields (those named; the others stay), creating its extension record on the first write. */
export async function putExtension(ctx: TenantContext, target: string, id: string, body: RecordBody, ifMatch?: string): Promise<ObjectRecord> {
  const { object, row } = await extensionOf(ctx, target, id);
  const expected = versionOf(ifMatch);
  if (!row) {
    if (expected !== undefined && expected !== 0) throw new AppError(objectsErrors.version_conflict, `The record is at version 0, not ${expected}: read it again`, { currentVersion: 0 });
    const created = await insertRecord(ctx, target, 'extension', id, body);
    return recordView(created.row, visibleFields(ctx, created.object));
  }
  return recordView(await changeRecord(ctx, object, id, body, expected), visibleFields(ctx, object));
}
