import type { TenantContext } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { computeAll, preload, valuesOf, type ComputeScope } from './computed.evaluate.js';
import { readersAffected } from './computed.readers.js';
import { ComputedRepository } from './computed.repository.js';
import { compiledFields, type TenantModel, type TenantObject } from './computed.schema.js';
import { derived, loadModel, type LoadedObject } from '../definitions/index.js';
import type { FieldDef } from '../fields.js';
import { objectsErrors } from '../objects.errors.js';
import { RecordsRepository, type CheckedWrite } from '../records/index.js';
import { compiledRules, failedRules } from './rules.service.js';

/**
 * Formulas, rollups and rules on writes (see README.md, "Formulas, rollups and rules"): a
 * write's computed values are worked out from the record as it will be, in the write's own
 * transaction, and stored in `data` and `object_values` with it; its rules must hold; and the
 * rollups of the records it points at (before and after) are computed again in the same
 * transaction, and so on up to three objects away.
 */

/** Rollups over rollups: how far a write's recomputation travels (cycles are refused at definition time; this bounds the rest). */
const MAX_CASCADE = 3;

export const scopeOf = (ctx: TenantContext): ComputeScope & { tenantId: string } => ({ db: ctx.db, tenantId: ctx.tenant.id, timeZone: ctx.tenant.timeZone, now: new Date() });

/**
 * Adds a write's computed values to it (into `patch` and `changed`) and refuses it with 422
 * `objects.rule_failed` when one of the object's rules is false. `before` is the record's data
 * before the write (null when it is created).
 */
export async function computeWrite(ctx: TenantContext, model: TenantModel, object: LoadedObject, id: string, before: Record<string, unknown> | null, write: CheckedWrite): Promise<void> {
  const errors = (await computeWrites(ctx, model, object, [{ id, before, write }]))[0] ?? [];
  if (errors.length > 0) throw new AppError(objectsErrors.rule_failed, errors.map((e) => e.message).join('; '), { errors });
}

/**
 * The same for many writes of one object at once (an import): the expressions are compiled and
 * the related records preloaded once. Answers, per write, the field errors of the rules it breaks
 * (none: it may be stored).
 */
export async function computeWrites(ctx: TenantContext, model: TenantModel, object: LoadedObject, writes: readonly { id: string; before: Record<string, unknown> | null; write: CheckedWrite }[]): Promise<FieldError[][]> {
  const own = model.byId.get(object.definition.id);
  if (!own) return writes.map(() => []);
  const compiled = compiledFields(model, own);
  const rules = compiledRules(model, own);
  if (compiled.length === 0 && rules.length === 0) return writes.map(() => []);
  const records = writes.map(({ id, before, write }) => {
    const data = { ...(before ?? {}), ...write.patch };
    return { values: valuesOf(id, data, own.live), data };
  });
  const scope = scopeOf(ctx);
  const related = await preload(scope, model, records.map((r) => r.values), [...compiled.flatMap((c) => (c.expression ? [c.expression] : [])), ...rules.map((r) => r.expression)]);
  const context = { now: scope.now, timeZone: scope.timeZone, related };
  const patches = computeAll(records, compiled, context);
  writes.forEach(({ write }, i) => {
    for (const { field } of compiled) {
      if (!(field.id in patches[i]!)) continue;
      write.patch[field.id] = patches[i]![field.id];
      if (!write.changed.includes(field)) write.changed.push(field);
    }
  });
  return records.map((r) => failedRules(rules, r.values, context));
}

/** Rollups (reverse, or over a many-to-many relation) that read records of `objectId`. */
function rollupsOver(model: TenantModel, objectId: string): { owner: TenantObject; field: FieldDef; relationId: string; reverse: boolean }[] {
  return derived(model, `rollups-over:${objectId}`, () => findRollupsOver(model, objectId));
}

function findRollupsOver(model: TenantModel, objectId: string): { owner: TenantObject; field: FieldDef; relationId: string; reverse: boolean }[] {
  const out = [];
  for (const owner of model.byId.values()) {
    for (const field of owner.live) {
      if (field.type !== 'rollup') continue;
      if (field.config.object) {
        const related = model.byKey.get(field.config.object);
        const relation = related?.live.find((f) => f.key === field.config.relation);
        if (related?.definition.id === objectId && relation) out.push({ owner, field, relationId: relation.id, reverse: true });
      } else {
        const relation = owner.live.find((f) => f.key === field.config.relation);
        if (relation?.config.targetObjectId === objectId || (relation && model.byKey.get(relation.config.target!)?.definition.id === objectId)) out.push({ owner, field, relationId: relation!.id, reverse: false });
      }
    }
  }
  return out;
}

/**
 * The records whose rollups or formulas read a record of `objectId` that is being created
 * (`before` null), changed or deleted (`after` null): those it pointed at before and points at
 * now (reverse rollups), those linking to it (many-to-many), and those whose relations lead to
 * it (formulas reading through relations, computed.readers.ts). Asked before a delete, whose
 * links go with it.
 */
export async function affectedBy(scope: ComputeScope, model: TenantModel, objectId: string, recordId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): Promise<Map<TenantObject, Set<string>>> {
  const byOwner = new Map<TenantObject, Set<string>>();
  const add = (owner: TenantObject, id: unknown) => {
    if (typeof id !== 'string') return;
    byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(id));
  };
  for (const { owner, relationId, reverse } of rollupsOver(model, objectId)) {
    if (reverse) {
      add(owner, before?.[relationId]);
      add(owner, after?.[relationId]);
    } else {
      for (const id of await new ComputedRepository(scope.db).linkingTo(relationId, recordId)) add(owner, id);
    }
  }
  const key = model.byId.get(objectId)?.definition.key;
  if (key) for (const [owner, ids] of await readersAffected(scope, model, key, recordId, before, after)) for (const id of ids) add(owner, id);
  return byOwner;
}

/** Computes the affected records' rollups (and the formulas reading them) again, in the caller's transaction. */
export async function recomputeAffected(scope: ComputeScope & { tenantId: string }, model: TenantModel, affected: Map<TenantObject, Set<string>>, depth = 0): Promise<void> {
  for (const [owner, ids] of affected) await recompute(scope, model, owner, [...ids], depth + 1);
}

/** After a record of `objectId` was created or changed: the rollups reading it follow, in the same transaction. */
export async function propagate(scope: ComputeScope & { tenantId: string }, model: TenantModel, objectId: string, recordId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, depth = 0): Promise<void> {
  if (depth >= MAX_CASCADE) return;
  await recomputeAffected(scope, model, await affectedBy(scope, model, objectId, recordId, before, after), depth);
}

/** Computes an object's computed fields again for the records `ids`, stores what changed, and propagates to the rollups reading them. Answers how many changed. */
export async function recompute(scope: ComputeScope & { tenantId: string }, model: TenantModel, object: TenantObject, ids: readonly string[], depth = 0): Promise<number> {
  const compiled = compiledFields(model, object);
  if (compiled.length === 0 || ids.length === 0) return 0;
  const repo = new ComputedRepository(scope.db);
  const rows = (await repo.byIds(ids)).filter((r) => r.objectId === object.definition.id);
  const records = rows.map((r) => ({ values: valuesOf(r.id, r.data, object.live), data: r.data }));
  const related = await preload(scope, model, records.map((r) => r.values), compiled.flatMap((c) => (c.expression ? [c.expression] : [])));
  const patches = computeAll(records, compiled, { now: scope.now, timeZone: scope.timeZone, related });
  const records_ = new RecordsRepository(scope.db);
  let changed = 0;
  for (const [i, row] of rows.entries()) {
    const patch = patches[i]!;
    if (Object.keys(patch).length === 0) continue;
    changed++;
    const after = { ...row.data, ...patch };
    await repo.merge(row.id, patch);
    await records_.writeValues(scope.tenantId, object.definition.id, row.id, compiled.map((c) => c.field).filter((f) => f.id in patch), after);
    await propagate(scope, model, object.definition.id, row.id, row.data, after, depth);
  }
  return changed;
}

/** Computes a batch of an object's records after `afterId` again (a formula added or changed, or the day turned); answers the last id, null when done. */
export async function recomputeBatch(scope: ComputeScope & { tenantId: string }, objectId: string, afterId: string | null, size: number): Promise<string | null> {
  const model = await loadModel(scope.db, scope.tenantId);
  const object = model.byId.get(objectId);
  if (!object) return null;
  const batch = await new ComputedRepository(scope.db).batch(objectId, afterId, size);
  await recompute(scope, model, object, batch.map((r) => r.id));
  return batch.length < size ? null : batch[batch.length - 1]!.id;
}
