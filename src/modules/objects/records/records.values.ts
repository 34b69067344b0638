import type { TenantContext } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { hiddenFields } from '../../../kernel/security/field-restrictions.js';
import { existingDocuments } from '../../documents/index.js';
import { existingLeases } from '../../leases/index.js';
import { existingMembers } from '../../members/index.js';
import { existingProperties, existingUnits } from '../../properties/index.js';
import { compiledFields, type TenantModel } from '../computed/index.js';
import { type LoadedObject, modelOf } from '../definitions/index.js';
import { boundsOf, kindOf, parseValue, type FieldDef, type StandardTarget } from '../fields.js';
import { objectsErrors } from '../objects.errors.js';
import type { ObjectRecord } from '../objects.schemas.js';
import { RecordsRepository, type RecordRow } from './records.repository.js';

/** The resource custom roles will hide an object's fields under (`fieldRestrictions["objects.<key>"]`): see README.md. */
export const resourceOf = (key: string) => `objects.${key}`;

/** The live fields the principal may see (the others are left out of reads and refused in writes). */
export function visibleFields(ctx: TenantContext, object: LoadedObject): FieldDef[] {
  const model = modelOf(object);
  const hidden = model ? hiddenOf(ctx, model, object.definition.key, new Map()) : hiddenFields(ctx.principal, resourceOf(object.definition.key));
  return hidden.size === 0 ? object.live : object.live.filter((f) => !hidden.has(f.key));
}

/**
 * The keys of an object's fields hidden from the principal: those its roles hide, and the
 * formulas and rollups that read a hidden field (of this object or, through relations, of
 * another), which would otherwise show what it hides.
 */
function hiddenOf(ctx: TenantContext, model: TenantModel, key: string, memo: Map<string, ReadonlySet<string>>): ReadonlySet<string> {
  const own = hiddenFields(ctx.principal, resourceOf(key));
  const object = model.byKey.get(key);
  if (!object || Object.keys(ctx.principal?.hiddenFields ?? {}).length === 0) return own;
  const known = memo.get(key);
  if (known) return known;
  const hidden = new Set(own);
  // Cycles are refused when defined; should one be stored, it stops here.
  memo.set(key, hidden);
  // In formula order: a formula comes after those it reads, so one pass sees them hidden first.
  for (const { field, expression } of compiledFields(model, object)) {
    const reads = expression?.dependencies.paths ?? [];
    if (reads.some((p) => p.path.some((k, i) => (p.objects[i] === key ? hidden : hiddenOf(ctx, model, p.objects[i]!, memo)).has(k)))) hidden.add(field.key);
  }
  return hidden;
}

/** A record as the API shows it: values by field key (null when absent), besides its own members. */
export function recordView(row: Pick<RecordRow, 'id' | 'data' | 'version' | 'createdAt' | 'updatedAt'>, fields: readonly FieldDef[]): ObjectRecord {
  const out: ObjectRecord = { id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version };
  for (const f of fields) out[f.key] = row.data[f.id] ?? null;
  return out;
}

const READS: Record<StandardTarget, (db: TenantContext['db'], ids: readonly string[]) => Promise<Set<string>>> = {
  member: existingMembers,
  unit: existingUnits,
  property: existingProperties,
  lease: existingLeases,
};

/** Which of `ids` a relation's target holds: a standard record kind through its module's reads, a custom object here. */
export function existingTargets(ctx: TenantContext, field: FieldDef, ids: readonly string[]): Promise<Set<string>> {
  const target = field.config.target as StandardTarget;
  if (READS[target]) return READS[target](ctx.db, ids);
  return new RecordsRepository(ctx.db).existing(field.config.targetObjectId!, ids);
}

const OWN_MEMBERS = new Set(['id', 'createdAt', 'updatedAt', 'version']);

/** A checked write: the values to merge into `data` (by field id), and the many-to-many links to replace. */
export interface CheckedWrite {
  patch: Record<string, unknown>;
  changed: FieldDef[];
  links: { field: FieldDef; ids: string[] }[];
}

/**
 * Checks a write's body (values by field key) against the object: unknown and hidden fields,
 * each type, required, ranges (the database checks them too), API-only fields, and that every
 * relation and file points at something that exists. Refuses with field errors, all at once.
 */
export async function checkWrite(ctx: TenantContext, object: LoadedObject, body: Record<string, unknown>, creating: boolean, references = true): Promise<CheckedWrite> {
  const errors: FieldError[] = [];
  const hidden = hiddenFields(ctx.principal, resourceOf(object.definition.key));
  const restricted: FieldError[] = [];
  const apiOnly: FieldError[] = [];
  const patch: Record<string, unknown> = {};
  const changed: FieldDef[] = [];
  const links: CheckedWrite['links'] = [];
  for (const key of Object.keys(body)) {
    const field = object.byKey.get(key);
    if (!field) {
      // A record read and sent back carries its own members: they are not values.
      if (!OWN_MEMBERS.has(key)) errors.push({ field: key.slice(0, 64), message: 'is not a field of the object', code: 'unknown_field' });
      continue;
    }
    if (hidden.has(key)) {
      restricted.push({ field: key, message: 'is hidden from your roles' });
      continue;
    }
    if (field.rules.apiOnly && !ctx.principal?.apiKeyId) {
      apiOnly.push({ field: key, message: 'only an API key may write it', code: 'api_only' });
      continue;
    }
    const parsed = parseValue(field, body[key]);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const value = parsed.value;
    if (value === null && field.rules.required) {
      errors.push({ field: key, message: 'is required', code: 'required' });
      continue;
    }
    const range = outOfRange(field, value);
    if (range) {
      errors.push(range);
      continue;
    }
    patch[field.id] = value;
    changed.push(field);
    if (field.type === 'relation' && field.config.many) links.push({ field, ids: (value as string[] | null) ?? [] });
  }
  if (creating) {
    for (const field of object.live) {
      if (field.rules.required && !(field.id in patch) && !errors.some((e) => e.field === field.key) && !hidden.has(field.key)) errors.push({ field: field.key, message: 'is required', code: 'required' });
    }
  }
  if (restricted.length > 0) throw new AppError('field_restricted', `Your roles do not let you see or change ${restricted.map((e) => e.field).join(', ')}`, { errors: restricted });
  if (apiOnly.length > 0) throw new AppError(objectsErrors.api_only_field, `Only an API key may write ${apiOnly.map((e) => e.field).join(', ')}`, { errors: apiOnly });
  // An import checks the references of all its rows at once (`references` false).
  if (errors.length === 0 && references) await checkReferences(ctx, changed, patch, errors);
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors });
  return { patch, changed, links };
}

/** A range rule's refusal of a value, before the database would refuse it. */
function outOfRange(field: FieldDef, value: unknown): FieldError | null {
  const kind = kindOf(field);
  if (value === null || !kind || (field.rules.min === undefined && field.rules.max === undefined)) return null;
  const { min, max } = boundsOf(field);
  const measure = kind === 't' ? (value as string).length : field.type === 'currency' ? (value as { amountMinor: number }).amountMinor : field.type === 'date' ? Date.parse(`${value as string}T00:00:00Z`) / 1000 : kind === 'd' ? Date.parse(value as string) / 1000 : Number(value);
  if (min !== null && measure < Number(min)) return { field: field.key, message: kind === 't' ? `must be at least ${field.rules.min} characters` : `must be at least ${field.rules.min}`, code: 'out_of_range' };
  if (max !== null && measure > Number(max)) return { field: field.key, message: kind === 't' ? `must be at most ${field.rules.max} characters` : `must be at most ${field.rules.max}`, code: 'out_of_range' };
  return null;
}

/** Relations and files must point at records and documents that exist (for this tenant: RLS). */
async function checkReferences(ctx: TenantContext, changed: FieldDef[], patch: Record<string, unknown>, errors: FieldError[]): Promise<void> {
  for (const field of changed) {
    const value = patch[field.id];
    if (value === null || (field.type !== 'relation' && field.type !== 'file')) continue;
    const ids = Array.isArray(value) ? (value as string[]) : [value as string];
    const found = field.type === 'file' ? await existingDocuments(ctx.db, ids) : await existingTargets(ctx, field, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) errors.push({ field: field.key, message: `points at no ${field.type === 'file' ? 'document' : field.config.target}: ${missing.join(', ')}`, code: 'not_found' });
  }
}

const KIND_OF_CONSTRAINT: Record<string, 'n' | 't' | 'd'> = {
  object_values_unique_num: 'n',
  object_values_unique_txt: 't',
  object_values_unique_ts: 'd',
  object_values_range: 'n',
  object_values_length: 't',
  object_values_date_range: 'd',
};

const valueTaken = (field: FieldDef | undefined) =>
  new AppError(objectsErrors.value_taken, `Another record has this ${field?.label ?? 'value'} already`, { errors: [{ field: field?.key ?? 'body', message: 'is already taken by another record', code: 'unique' }] });

/** Refuses a write whose unique values other records hold, naming the fields (the unique indexes still decide a race). */
export async function refuseTaken(ctx: TenantContext, recordId: string, write: CheckedWrite): Promise<void> {
  const repo = new RecordsRepository(ctx.db);
  for (const field of write.changed) {
    if (field.rules.unique && write.patch[field.id] !== null && (await repo.taken(field, write.patch[field.id], recordId))) throw valueTaken(field);
  }
}

/**
 * The database's refusal of a value row, as the problem a client can act on. Under row-level
 * security PostgreSQL does not say which key collided (the detail would show row values), so the
 * constraint's kind and the fields written tell the field.
 */
export function valueRefusal(error: unknown, written: readonly FieldDef[]): unknown {
  const e = error as { code?: string; constraint?: string };
  const kind = e?.constraint ? KIND_OF_CONSTRAINT[e.constraint] : undefined;
  if (!kind) return error;
  const ofKind = written.filter((f) => (kindOf(f) === 'b' ? 'n' : kindOf(f)) === kind);
  if (e.code === '23505') return valueTaken(ofKind.find((f) => f.rules.unique));
  if (e.code === '23514') {
    const field = ofKind.find((f) => f.rules.min !== undefined || f.rules.max !== undefined);
    return new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: field?.key ?? 'body', message: 'is outside the range of the field', code: 'out_of_range' }] });
  }
  return error;
}
