import type { ComputeScope } from './computed.evaluate.js';
import { ComputedRepository } from './computed.repository.js';
import { compiledFields, POINTING_HERE, type TenantModel, type TenantObject } from './computed.schema.js';
import type { FieldDef } from '../fields.js';
import { derived } from '../definitions/index.js';

/**
 * Formulas that read another record through relations (`unit.floor`, `permit.unit.floor`): when
 * that record changes, the records whose relations lead to it are computed again. Rollups are
 * not here: formulas.service.ts finds theirs (`rollupsOver`).
 */

export interface Reader {
  /** The object whose formula reads through relations. */
  owner: TenantObject;
  /** The relations from the owner to the object read, in order: each the field of the object before it. */
  relations: FieldDef[];
  /** The keys of the fields read at the end of the path; null: the relation itself (a count), so any change. */
  reads: Set<string> | null;
}

/** The formulas of the tenant that read records of `objectKey` through relations (kept with the model). */
export function readersOf(model: TenantModel, objectKey: string): Reader[] {
  return derived(model, `readers-of:${objectKey}`, () => findReaders(model, objectKey));
}

function findReaders(model: TenantModel, objectKey: string): Reader[] {
  const out: Reader[] = [];
  for (const owner of model.byKey.values()) {
    for (const { field, expression } of compiledFields(model, owner)) {
      if (field.type !== 'formula' || !expression) continue;
      const { relations, paths } = expression.dependencies;
      for (const step of relations) {
        if (step.target !== objectKey || step.path.some((key) => key.startsWith(POINTING_HERE))) continue;
        const chain = relationsAlong(model, owner, step.path);
        if (!chain) continue;
        const beyond = paths.filter((p) => p.path.length > step.path.length && step.path.every((key, i) => p.path[i] === key));
        const whole = paths.some((p) => p.path.length === step.path.length && step.path.every((key, i) => p.path[i] === key));
        out.push({ owner, relations: chain, reads: whole ? null : new Set(beyond.map((p) => p.path[step.path.length]!)) });
      }
    }
  }
  return out;
}

/** The relation fields a path of relation keys walks from `owner`; null if one is no longer there. */
function relationsAlong(model: TenantModel, owner: TenantObject, path: readonly string[]): FieldDef[] | null {
  const out: FieldDef[] = [];
  let at: TenantObject | undefined = owner;
  for (const key of path) {
    const relation = at?.byKey.get(key);
    if (!relation || relation.type !== 'relation') return null;
    out.push(relation);
    at = model.byKey.get(relation.config.target!);
  }
  return out;
}

/**
 * The records (by owner) whose formulas read a record of `objectKey` that is being created,
 * changed or deleted (`after` null): walked back along each reader's relations from the record,
 * one index lookup a relation. Readers of fields the write left alone are skipped.
 */
export async function readersAffected(scope: ComputeScope, model: TenantModel, objectKey: string, recordId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): Promise<Map<TenantObject, Set<string>>> {
  const byOwner = new Map<TenantObject, Set<string>>();
  const readers = readersOf(model, objectKey);
  if (readers.length === 0) return byOwner;
  const object = model.byKey.get(objectKey);
  const changed = new Set((object?.live ?? []).filter((f) => JSON.stringify(before?.[f.id] ?? null) !== JSON.stringify(after?.[f.id] ?? null)).map((f) => f.key));
  const repo = new ComputedRepository(scope.db);
  for (const reader of readers) {
    if (reader.reads && ![...reader.reads].some((key) => changed.has(key))) continue;
    let ids = [recordId];
    for (const relation of [...reader.relations].reverse()) {
      if (ids.length === 0) break;
      ids = relation.config.many ? (await Promise.all(ids.map((id) => repo.linkingTo(relation.id, id)))).flat() : (await repo.pointingAt(relation.id, ids)).map((r) => r.id);
    }
    if (ids.length > 0) byOwner.set(reader.owner, new Set([...(byOwner.get(reader.owner) ?? []), ...ids]));
  }
  return byOwner;
}
