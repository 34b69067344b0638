import type { TenantContext } from '../../../kernel/context.js';
import { AppError, notFound, type FieldError } from '../../../kernel/errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { refuseBeyondLimit } from '../../../kernel/metering/tallies.repository.js';
import { resourcesHeld } from '../../../kernel/security/scoped-permissions.js';
import { DefinitionsRepository, type DefinitionRow, type FieldRow } from './definitions.repository.js';
import { checkComputedFields, tenantObject, type TenantObject } from '../computed/index.js';
import { loadModel } from './model.cache.js';
import { checkConfig, checkRules, isReservedObjectKey, RESERVED_FIELD_KEYS } from './definitions.specs.js';
import { boundsOf, isComputed, isStandardTarget, isUuid, kindOf, type FieldDef } from '../fields.js';
import { objectRemovedFromCatalogue } from '../objects.catalogue.js';
import { objectsErrors } from '../objects.errors.js';
import type { CreateDefinition, Definition, Field, FieldSpec, UpdateDefinition, UpdateField } from '../objects.schemas.js';
import { RecordsRepository } from '../records/index.js';
import { SummariesRepository } from './summaries.repository.js';

/** The event that asks for a removed field's values to be deleted (see objects.jobs.ts). */
export const FIELD_PURGE_REQUESTED = 'object_field.purge_requested';
/** The event that asks for an object's formulas and rollups to be computed again for its records (see formulas.jobs.ts). */
export const RECOMPUTE_REQUESTED = 'object_field.recompute_requested';

const actorOf = (ctx: TenantContext) => ctx.principal?.userId ?? null;

const fieldView = (f: FieldRow): Field => ({ id: f.id, key: f.key, label: f.label, type: f.type, config: { ...f.config }, rules: { ...f.rules }, position: f.position, createdAt: f.createdAt, updatedAt: f.updatedAt, removedAt: f.removedAt });

function view(d: DefinitionRow, fields: FieldRow[]): Definition {
  const own = fields.filter((f) => f.objectId === d.id);
  return { ...d, fields: own.filter((f) => !f.removedAt).map(fieldView), removedFields: own.filter((f) => f.removedAt).map(fieldView) };
}

/** An object as records need it: its live fields, in order and by key (frozen when it comes from the cached model). */
export type LoadedObject = TenantObject;

/**
 * The live object with `key` (any kind unless told), with its live fields; 404 if there is none.
 * `lock` takes its definition's row until the transaction ends (an import: definition changes queue on it).
 */
export async function loadObject(ctx: TenantContext, key: string, kind?: 'object' | 'extension', lock = false): Promise<LoadedObject> {
  let object: TenantObject | undefined;
  if (lock) {
    const repo = new DefinitionsRepository(ctx.db);
    const definition = await repo.findLive(key, true);
    if (definition) object = tenantObject(definition, (await repo.fieldsOf([definition.id])).filter((f) => !f.removedAt));
  } else {
    object = (await loadModel(ctx.db, ctx.tenant.id)).byKey.get(key);
  }
  if (!object || (kind && object.definition.kind !== kind)) throw notFound('The object');
  return object;
}

const refuseInvalid = (errors: FieldError[]) => {
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors });
};

const objectLimit = (ctx: TenantContext, what: 'objects' | 'objectFields') => {
  const limit = ctx.licence.claims.limits[what];
  return what === 'objects'
    ? new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limit} custom objects; upgrade the plan to add more`, { limit, resource: what })
    : new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limit} custom fields; upgrade the plan to add more`, { limit, resource: what });
};

/** A field spec checked and its relation target resolved, ready to store. */
async function checkedSpec(ctx: TenantContext, spec: FieldSpec, at: string, errors: FieldError[], selfKey: string): Promise<FieldSpec & { config: NonNullable<FieldSpec['config']> & { targetObjectId?: string }; rules: ReturnType<typeof checkRules> }> {
  if (RESERVED_FIELD_KEYS.has(spec.key)) errors.push({ field: `${at}key`, message: `"${spec.key}" is reserved`, code: 'reserved' });
  const config = checkConfig(spec, `${at}config`, errors);
  const rules = checkRules(spec.type, config, spec.rules ?? {}, `${at}rules`, errors);
  // A relation to the object itself is resolved by the caller (a new object has no id yet).
  if (spec.type === 'relation' && config.target && !isStandardTarget(config.target) && config.target !== selfKey) {
    const target = await new DefinitionsRepository(ctx.db).findLive(config.target);
    if (!target || target.kind !== 'object') errors.push({ field: `${at}config.target`, message: `is neither member, unit, property, lease nor the key of a custom object`, code: 'unknown_target' });
    else (config as { targetObjectId?: string }).targetObjectId = target.id;
  }
  return { ...spec, config, rules };
}

export async function listDefinitions(ctx: TenantContext, query: { includeArchived?: boolean }) {
  const repo = new DefinitionsRepository(ctx.db);
  // A principal holding `objects.<key>.read` for some objects only sees those (extensions need `objects.read`).
  const held = resourcesHeld(ctx.principal, 'objects.read');
  const rows = (await repo.list(query.includeArchived ?? false)).filter((r) => held === null || (r.kind === 'object' && held.has(r.key)));
  const fields = await repo.fieldsOf(rows.map((r) => r.id));
  const counts = await new SummariesRepository(ctx.db).counts(rows.filter((r) => r.kind === 'object').map((r) => r.id));
  return { data: rows.map((r) => ({ ...view(r, fields), ...(r.kind === 'object' ? { recordCount: counts.get(r.id) ?? 0 } : {}) })) };
}

export async function getDefinition(ctx: TenantContext, key: string): Promise<Definition> {
  const repo = new DefinitionsRepository(ctx.db);
  const row = await repo.findLive(key);
  if (!row) throw notFound('The object');
  return view(row, await repo.fieldsOf([row.id]));
}

export async function createDefinition(ctx: TenantContext, input: CreateDefinition): Promise<Definition> {
  const errors: FieldError[] = [];
  if (input.extends ? input.key !== input.extends : isReservedObjectKey(input.key)) {
    errors.push({ field: 'key', message: input.extends ? 'must be the name of the record kind it extends' : `"${input.key}" is reserved`, code: 'reserved' });
  }
  const specs = input.fields ?? [];
  const keys = specs.map((s) => s.key);
  keys.forEach((k, i) => keys.indexOf(k) !== i && errors.push({ field: `fields.${i}.key`, message: 'is the key of another field of the object', code: 'duplicate_key' }));
  const checked = [];
  for (const [i, spec] of specs.entries()) checked.push(await checkedSpec(ctx, spec, `fields.${i}.`, errors, input.key));
  await checkComputedFields(ctx, input.key, checked.map((spec, i) => ({ spec, at: `fields.${i}.config`, expressionAt: `fields.${i}.config.expression` })), errors);
  refuseInvalid(errors);

  const repo = new DefinitionsRepository(ctx.db);
  if (!input.extends) await refuseBeyondLimit(ctx, 'objects', ctx.licence.claims.limits.objects, 1, () => objectLimit(ctx, 'objects'));
  await refuseBeyondLimit(ctx, 'objectFields', ctx.licence.claims.limits.objectFields, checked.length, () => objectLimit(ctx, 'objectFields'));
  const row = await repo.insertDefinition(ctx.tenant.id, { key: input.key, kind: input.extends ? 'extension' : 'object', singular: input.singular, plural: input.plural, icon: input.icon ?? null, description: input.description ?? '' });
  if (!row) throw new AppError(objectsErrors.key_taken, `An object with the key "${input.key}" exists already`, { errors: [{ field: 'key', message: 'is already taken', code: 'taken' }] });
  // Fields of a self-referencing relation name the object being made.
  for (const spec of checked) {
    if (spec.type === 'relation' && spec.config.target === input.key) spec.config.targetObjectId = row.id;
    await repo.insertField(ctx.tenant.id, row.id, spec);
  }
  await repo.recordCreated(ctx.tenant.id, row.id, { key: row.key, fields: keys }, actorOf(ctx));
  return view(row, await repo.fieldsOf([row.id]));
}

export async function updateDefinition(ctx: TenantContext, key: string, patch: UpdateDefinition): Promise<Definition> {
  const repo = new DefinitionsRepository(ctx.db);
  const before = await repo.findLive(key, true);
  if (!before) throw notFound('The object');
  await repo.updateDefinition(before.id, patch);
  await repo.recordChange(ctx.tenant.id, before.id, { action: 'updated', details: { ...patch }, actor: actorOf(ctx) });
  return getDefinition(ctx, key);
}

export async function archiveDefinition(ctx: TenantContext, key: string): Promise<Definition> {
  const repo = new DefinitionsRepository(ctx.db);
  const before = await repo.findLive(key, true);
  if (!before) throw notFound('The object');
  await repo.recordChange(ctx.tenant.id, before.id, { action: 'archived', actor: actorOf(ctx) });
  await objectRemovedFromCatalogue(ctx, before.key);
  const row = (await repo.updateDefinition(before.id, { archivedAt: new Date() }))!;
  return view(row, await repo.fieldsOf([row.id]));
}

export async function definitionChanges(ctx: TenantContext, key: string) {
  const repo = new DefinitionsRepository(ctx.db);
  const row = await repo.findLive(key);
  if (!row) throw notFound('The object');
  return { data: await repo.changes(row.id) };
}

export async function addField(ctx: TenantContext, key: string, spec: FieldSpec): Promise<Definition> {
  const repo = new DefinitionsRepository(ctx.db);
  const object = await repo.findLive(key, true);
  if (!object) throw notFound('The object');
  const errors: FieldError[] = [];
  const checked = await checkedSpec(ctx, spec, '', errors, object.key);
  if (errors.length === 0) await checkComputedFields(ctx, object.key, [{ spec: checked, at: 'config', expressionAt: 'config.expression' }], errors);
  refuseInvalid(errors);
  if (checked.type === 'relation' && checked.config.target === object.key) checked.config.targetObjectId = object.id;
  await refuseBeyondLimit(ctx, 'objectFields', ctx.licence.claims.limits.objectFields, 1, () => objectLimit(ctx, 'objectFields'));
  const field = await repo.insertField(ctx.tenant.id, object.id, checked);
  if (!field) throw new AppError(objectsErrors.field_key_taken, `The object has a field "${spec.key}" already`, { errors: [{ field: 'key', message: 'is already taken', code: 'taken' }] });
  // Existing records get a row of nulls (no record is rewritten), so that they sort and filter.
  await new RecordsRepository(ctx.db).backfill(ctx.tenant.id, object.id, field);
  await repo.recordChange(ctx.tenant.id, object.id, { action: 'field_added', fieldId: field.id, details: { key: field.key, type: field.type }, actor: actorOf(ctx) });
  if (isComputed(field)) await emit(ctx, RECOMPUTE_REQUESTED, { objectId: object.id, fieldId: field.id });
  return getDefinition(ctx, key);
}

/** A field of the live object by live key or by id (removed fields have only their id). */
async function fieldOf(ctx: TenantContext, key: string, ref: string): Promise<{ object: DefinitionRow; field: FieldRow }> {
  const repo = new DefinitionsRepository(ctx.db);
  const object = await repo.findLive(key, true);
  if (!object) throw notFound('The object');
  const fields = await repo.fieldsOf([object.id]);
  const field = isUuid(ref) ? fields.find((f) => f.id === ref.toLowerCase()) : fields.find((f) => f.key === ref && !f.removedAt);
  if (!field) throw notFound('The field');
  return { object, field };
}

export async function updateField(ctx: TenantContext, key: string, ref: string, patch: UpdateField): Promise<Definition> {
  const { object, field } = await fieldOf(ctx, key, ref);
  const errors: FieldError[] = [];
  if (patch.options && field.type !== 'select' && field.type !== 'multi_select') errors.push({ field: 'options', message: `does not apply to a ${field.type} field`, code: 'config_not_applicable' });
  if (patch.expression && field.type !== 'formula') errors.push({ field: 'expression', message: `does not apply to a ${field.type} field`, code: 'config_not_applicable' });
  const config = { ...field.config, ...(patch.options ? { options: patch.options } : {}), ...(patch.expression ? { expression: patch.expression } : {}) };
  if (patch.options) checkConfig({ type: field.type, config }, 'config', errors);
  const rules = patch.rules ? checkRules(field.type, config, { ...field.rules, ...patch.rules }, 'rules', errors) : field.rules;
  if (patch.expression && errors.length === 0) await checkComputedFields(ctx, object.key, [{ spec: { key: field.key, type: field.type, config }, at: 'config', expressionAt: 'expression' }], errors);
  refuseInvalid(errors);
  const changed: FieldDef = { ...field, config, rules };
  if (patch.rules && kindOf(field)) await applyRules(ctx, changed, field);
  await new DefinitionsRepository(ctx.db).updateField(field.id, { label: patch.label, config, rules });
  await new DefinitionsRepository(ctx.db).recordChange(ctx.tenant.id, object.id, { action: 'field_updated', fieldId: field.id, details: { key: field.key, ...patch }, actor: actorOf(ctx) });
  if (patch.expression) await emit(ctx, RECOMPUTE_REQUESTED, { objectId: object.id, fieldId: field.id });
  return getDefinition(ctx, key);
}

/**
 * New unique or range rules onto the stored values: first the values that break them, named in
 * the refusal; then one statement that the database refuses should a concurrent write have
 * broken them since.
 */
async function applyRules(ctx: TenantContext, field: FieldDef, before: FieldDef): Promise<void> {
  const records = new RecordsRepository(ctx.db);
  if (field.rules.unique && !before.rules.unique) {
    const duplicates = await records.duplicates(field);
    if (duplicates.length > 0) {
      throw new AppError(objectsErrors.rule_violated_by_data, `Records share values of "${field.key}", which cannot become unique: ${duplicates.join(', ')}`, { duplicates, errors: [{ field: 'rules.unique', message: 'is broken by records that share values', code: 'duplicates' }] });
    }
  }
  const bounds = boundsOf(field);
  const old = boundsOf(before);
  if (bounds.min !== old.min || bounds.max !== old.max) {
    const violations = await records.outOfRange(field, bounds);
    if (violations > 0) {
      throw new AppError(objectsErrors.rule_violated_by_data, `${violations} record(s) hold values of "${field.key}" outside the new range`, { violations, errors: [{ field: 'rules', message: 'is broken by records outside the range', code: 'out_of_range' }] });
    }
  }
  await records.applyRules(field).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505' || (error as { code?: string }).code === '23514') {
      throw new AppError(objectsErrors.rule_violated_by_data, `Records changed meanwhile break the rules of "${field.key}"; try again`);
    }
    throw error;
  });
}

export async function removeField(ctx: TenantContext, key: string, ref: string): Promise<Definition> {
  const { object, field } = await fieldOf(ctx, key, ref);
  if (field.removedAt) throw notFound('The field');
  const repo = new DefinitionsRepository(ctx.db);
  await repo.updateField(field.id, { removedAt: new Date() });
  await repo.recordChange(ctx.tenant.id, object.id, { action: 'field_removed', fieldId: field.id, details: { key: field.key }, actor: actorOf(ctx) });
  return getDefinition(ctx, key);
}

export async function restoreField(ctx: TenantContext, key: string, ref: string): Promise<Definition> {
  const { object, field } = await fieldOf(ctx, key, ref);
  if (!field.removedAt) throw new AppError(objectsErrors.field_not_removed, `The field "${field.key}" is not removed`);
  const repo = new DefinitionsRepository(ctx.db);
  await refuseBeyondLimit(ctx, 'objectFields', ctx.licence.claims.limits.objectFields, 1, () => objectLimit(ctx, 'objectFields'));
  const live = (await repo.fieldsOf([object.id])).some((f) => f.key === field.key && !f.removedAt);
  if (live) throw new AppError(objectsErrors.field_key_taken, `The object has a field "${field.key}" already: remove it first`);
  await repo.updateField(field.id, { removedAt: null });
  // Records made while it was removed have no row for it yet.
  await new RecordsRepository(ctx.db).backfill(ctx.tenant.id, object.id, field);
  await repo.recordChange(ctx.tenant.id, object.id, { action: 'field_restored', fieldId: field.id, details: { key: field.key }, actor: actorOf(ctx) });
  // Records written while it was removed hold no value of it.
  if (isComputed(field)) await emit(ctx, RECOMPUTE_REQUESTED, { objectId: object.id, fieldId: field.id });
  return getDefinition(ctx, key);
}

/** Purges a removed field: it is gone for good at once, its values are deleted in batches by a job. */
export async function purgeField(ctx: TenantContext, key: string, ref: string): Promise<Definition> {
  const { object, field } = await fieldOf(ctx, key, ref);
  if (!field.removedAt) throw new AppError(objectsErrors.field_not_removed, `The field "${field.key}" is not removed: remove it before purging it`);
  const repo = new DefinitionsRepository(ctx.db);
  await repo.updateField(field.id, { purgedAt: new Date() });
  await repo.recordChange(ctx.tenant.id, object.id, { action: 'field_purged', fieldId: field.id, details: { key: field.key }, actor: actorOf(ctx) });
  await emit(ctx, FIELD_PURGE_REQUESTED, { objectId: object.id, fieldId: field.id, key: field.key });
  return getDefinition(ctx, key);
}
