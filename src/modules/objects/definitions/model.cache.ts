import type { Db } from '../../../kernel/db/tables.js';
import { Lru } from '../../../kernel/lru.js';
import { readModel, type TenantModel, type TenantObject } from '../computed/index.js';
import { DefinitionsRepository } from './definitions.repository.js';

/**
 * Every record write needs the tenant's model, its objects' expressions compiled: read and
 * compiled each time, that was four queries and most of a record create's CPU. It changes
 * rarely, so it is kept here per tenant, under the model's stamp (migrations/0004): triggers
 * give the tenant a new random stamp with every change of an object, field or rule, in the
 * changing transaction. Each use reads the stamp in its own transaction (one indexed row) and
 * takes the cached model only when the stamps are equal, so a write never works from a model
 * its transaction does not see, in any process, with no notification to lose; a change rolled
 * back leaves a stamp nobody sees again.
 *
 * A cached model is shared by concurrent requests: it is frozen, and what is derived from it
 * (compiled expressions) is kept beside it by `derived`.
 */

/** Tenants whose model is kept: a model of 20 objects of 20 fields, compiled, is some tens of kB. */
const MAX_MODELS = 1_000;

const models = new Lru<string, { stamp: string | null; model: TenantModel }>(MAX_MODELS);
const derivations = new WeakMap<TenantModel, Map<string, unknown>>();
const modelOfObjects = new WeakMap<TenantObject, TenantModel>();

/** The tenant's live model as the transaction of `db` sees it (frozen: never change it). */
export async function loadModel(db: Db, tenantId: string): Promise<TenantModel> {
  return (await read(db, tenantId)).model;
}

/**
 * The model a record's create works from, with no query when it can: the cached one, unverified
 * (its stamp then guards the create's single statement, which writes nothing if the stamp moved
 * on: RecordsRepository.insertWithValues), else the one the transaction sees.
 */
export async function modelToWrite(db: Db, tenantId: string): Promise<{ model: TenantModel; stamp: string | null; verified: boolean }> {
  const cached = models.get(tenantId);
  if (cached) return { ...cached, verified: false };
  return { ...(await read(db, tenantId)), verified: true };
}

/** Whether `stamp` (from `modelToWrite`) is still the model's as the transaction of `db` sees it. */
export async function isCurrent(db: Db, stamp: string | null): Promise<boolean> {
  return ((await new DefinitionsRepository(db).modelStamp()) ?? null) === stamp;
}

/** Forgets a tenant's cached model (a create found it stale). */
export function forgetModel(tenantId: string): void {
  models.delete(tenantId);
}

async function read(db: Db, tenantId: string): Promise<{ model: TenantModel; stamp: string | null }> {
  const stamp = await new DefinitionsRepository(db).modelStamp();
  // No stamp: the tenant has never defined an object.
  if (stamp === undefined) return { model: freeze(await readModel(db)), stamp: null };
  const cached = models.get(tenantId);
  if (cached?.stamp === stamp) return cached;
  const model = freeze(await readModel(db));
  models.set(tenantId, { stamp, model });
  return { model, stamp };
}

/** What `build` makes of the model (an object's compiled formulas), made once per model and `key`. */
export function derived<T>(model: TenantModel, key: string, build: () => T): T {
  let kept = derivations.get(model);
  if (!kept) derivations.set(model, (kept = new Map()));
  if (!kept.has(key)) kept.set(key, build());
  return kept.get(key) as T;
}

/** The model an object was read with (undefined for one read on its own, locked). */
export const modelOf = (object: TenantObject): TenantModel | undefined => modelOfObjects.get(object);

function freeze(model: TenantModel): TenantModel {
  for (const object of model.byKey.values()) modelOfObjects.set(object, model);
  for (const object of model.byId.values()) {
    deepFreeze(object.definition);
    object.live.forEach(deepFreeze);
    Object.freeze(object.live);
  }
  for (const object of model.byKey.values()) Object.freeze(object);
  return model;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Date) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
