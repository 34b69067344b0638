import type { Db } from '../../../kernel/db/tables.js';
import { ComputedRepository, type StoredRecord } from './computed.repository.js';
import { POINTING_HERE, type CompiledField, type TenantModel } from './computed.schema.js';
import { tryEvaluate, type CheckedExpression, type EvaluationContext, type RecordValues, type RelatedRecords, type RelationStep } from '../expressions/index.js';
import { isUuid, valueType, type FieldDef } from '../fields.js';

/** What computing values needs beyond the records: the tenant's transaction, its time zone and the instant. */
export interface ComputeScope {
  db: Db;
  timeZone: string;
  now: Date;
}

type Values = Record<string, unknown>;

/** A record's values by field key as expressions read them (money as `{amount, currency}`), and its `id` (a reserved key, never a field's). */
export function valuesOf(id: string, data: Record<string, unknown>, fields: readonly FieldDef[]): Values {
  const values: Values = { id };
  for (const f of fields) values[f.key] = readable(f, data[f.id] ?? null);
  return values;
}

function readable(field: FieldDef, value: unknown): unknown {
  if (value !== null && valueType(field) === 'currency') {
    const money = value as { amountMinor: number; currency: string };
    return { amount: money.amountMinor, currency: money.currency };
  }
  return value;
}

/** An expression's value as `data` stores it (money as the API's `{amountMinor, currency}`). */
export function storable(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'amount' in value) {
    const money = value as { amount: number; currency: string };
    return { amountMinor: money.amount, currency: money.currency };
  }
  return value ?? null;
}

/**
 * Related records preloaded for a batch (evaluation never queries): to-one and many-to-many
 * targets by id, up to three relations deep, and for reverse rollups the records of another
 * object whose to-one relation points at a record of the batch.
 */
class Preloaded implements RelatedRecords {
  readonly byId = new Map<string, Values>();
  readonly pointing = new Map<string, Map<string, Values[]>>();

  one(record: RecordValues, step: RelationStep): RecordValues | null {
    const id = record[step.field];
    return typeof id === 'string' ? (this.byId.get(id) ?? null) : null;
  }

  many(record: RecordValues, step: RelationStep): readonly RecordValues[] {
    if (step.field.startsWith(POINTING_HERE)) return this.pointing.get(`${step.target}.${step.field.slice(POINTING_HERE.length)}`)?.get(record.id as string) ?? [];
    const ids = record[step.field];
    return Array.isArray(ids) ? ids.map((id) => this.byId.get(id as string)).filter((r): r is Values => r !== undefined) : [];
  }
}

const fieldsOfRecord = (model: TenantModel, row: StoredRecord) => model.byId.get(row.objectId)?.live ?? [];

export async function preload(scope: ComputeScope, model: TenantModel, records: readonly Values[], expressions: readonly CheckedExpression[]): Promise<Preloaded> {
  const related = new Preloaded();
  const steps = expressions.flatMap((e) => e.dependencies.relations);
  if (steps.length === 0) return related;
  const repo = new ComputedRepository(scope.db);
  const known: Values[] = [...records];
  for (const step of steps.filter((s) => s.field.startsWith(POINTING_HERE))) {
    const relation = step.field.slice(POINTING_HERE.length);
    const field = model.byKey.get(step.target)?.live.find((f) => f.key === relation);
    if (!field) continue;
    const groups = new Map<string, Values[]>();
    for (const row of await repo.pointingAt(field.id, records.map((r) => r.id as string))) {
      const values = valuesOf(row.id, row.data, fieldsOfRecord(model, row));
      groups.set(row.target, [...(groups.get(row.target) ?? []), values]);
      known.push(values);
    }
    related.pointing.set(`${step.target}.${relation}`, groups);
  }
  const forward = [...new Set(steps.filter((s) => !s.field.startsWith(POINTING_HERE)).map((s) => s.field))];
  // Three relations in a row at most (the language's limit): three rounds of loading by id.
  for (let depth = 0; depth < 3 && forward.length > 0; depth++) {
    const wanted = new Set<string>();
    for (const record of known) {
      for (const key of forward) {
        const value = record[key];
        for (const id of Array.isArray(value) ? value : [value]) if (isUuid(id) && !related.byId.has(id)) wanted.add(id);
      }
    }
    if (wanted.size === 0) break;
    for (const row of await repo.byIds([...wanted])) {
      const values = valuesOf(row.id, row.data, fieldsOfRecord(model, row));
      related.byId.set(row.id, values);
      known.push(values);
    }
  }
  return related;
}

/**
 * Computes the computed fields of records (values by key, updated in place so that later
 * formulas read earlier ones) in the order given; answers each record's changes to `data` by
 * field id. A value that cannot be computed (amounts in two currencies, a result out of range)
 * is stored as null.
 */
export function computeAll(records: readonly { values: Values; data: Record<string, unknown> }[], compiled: readonly CompiledField[], context: EvaluationContext): Record<string, unknown>[] {
  return records.map(({ values, data }) => {
    const patch: Record<string, unknown> = {};
    for (const { field, expression } of compiled) {
      const result = expression ? tryEvaluate(expression, values, context) : null;
      const value = result?.ok ? result.value : null;
      values[field.key] = value ?? null;
      const stored = storable(value);
      if (JSON.stringify(stored) !== JSON.stringify(data[field.id] ?? null)) patch[field.id] = stored;
    }
    return patch;
  });
}
