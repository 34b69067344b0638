import type { Db } from '../../../kernel/db/tables.js';
import { DefinitionsRepository, type DefinitionRow, derived } from '../definitions/index.js';
import { compileExpression, formulaOrder, rollupSource, type CheckedExpression, type CheckOptions, type CheckResult, type ExpressionSchema, type FieldType as ExprFieldType, type ObjectFields } from '../expressions/index.js';
import { isComputed, STANDARD_TARGETS, type FieldDef } from '../fields.js';

/**
 * The tenant's objects as the expression language sees them (ExpressionSchema), and the
 * compiled expressions of computed fields and rules, which model.cache.ts keeps per tenant until
 * the model changes: a tenant has tens of objects, and compiling an expression costs ~0.2 ms.
 */

/**
 * The to-many relation a reverse rollup reads: the records of another object whose to-one
 * relation (the key after the prefix) points at this record. Longer than any field key (40),
 * so it never names a field.
 */
export const POINTING_HERE = 'records_of_another_object_pointing_here_by_';

export interface TenantObject {
  definition: DefinitionRow;
  /** Its live fields, in position order. */
  live: FieldDef[];
  /** Its live fields by key. */
  byKey: Map<string, FieldDef>;
}

export interface TenantModel {
  /** Live objects and extensions by key. */
  byKey: Map<string, TenantObject>;
  /** Live objects by id. */
  byId: Map<string, TenantObject>;
  /** Every live field of the tenant by id. */
  fieldById: Map<string, FieldDef & { objectId: string }>;
}

/** The object (live fields by key too) of a definition and its live fields. */
export const tenantObject = (definition: DefinitionRow, live: FieldDef[]): TenantObject => ({ definition, live, byKey: new Map(live.map((f) => [f.key, f])) });

/** The tenant's live model as the transaction of `db` sees it, read from the database (model.cache.ts keeps it). */
export async function readModel(db: Db): Promise<TenantModel> {
  const repo = new DefinitionsRepository(db);
  const definitions = await repo.list(false);
  const fields = (await repo.fieldsOf(definitions.map((d) => d.id))).filter((f) => !f.removedAt);
  const byKey = new Map<string, TenantObject>();
  const byId = new Map<string, TenantObject>();
  for (const definition of definitions) {
    const object = tenantObject(definition, fields.filter((f) => f.objectId === definition.id));
    byKey.set(definition.key, object);
    byId.set(definition.id, object);
  }
  return { byKey, byId, fieldById: new Map(fields.map((f) => [f.id, f])) };
}

/** How an expression reads a field; null for a computed field not computable (yet). */
export function describeField(field: Pick<FieldDef, 'type' | 'config'>): ExprFieldType | null {
  const options = (field.config.options ?? []).map((o) => o.key);
  if (isComputed(field)) {
    const result = field.config.result;
    if (!result) return null;
    if (result.type === 'currency') return { type: 'currency', currency: result.currency ?? null };
    if (result.type === 'select' || result.type === 'multi_select') return { type: result.type, options: result.options ?? [] };
    return { type: result.type };
  }
  switch (field.type) {
    case 'currency':
      return { type: 'currency', currency: field.config.currency ?? null };
    case 'select':
    case 'multi_select':
      return { type: field.type, options };
    case 'relation':
      return { type: 'relation', target: field.config.target!, many: field.config.many === true };
    default:
      return { type: field.type as Exclude<FieldDef['type'], 'formula' | 'rollup' | 'relation' | 'currency' | 'select' | 'multi_select'> };
  }
}

export function fieldsOf(fields: readonly Pick<FieldDef, 'key' | 'type' | 'config'>[]): Record<string, ExprFieldType> {
  const out: Record<string, ExprFieldType> = {};
  for (const f of fields) {
    const described = describeField(f);
    if (described) out[f.key] = described;
  }
  return out;
}

/** The schema of every object of the tenant, `object` the expression's own; `overlay` replaces an object's fields (one being defined). */
export function schemaOf(model: TenantModel, object: string, overlay?: ObjectFields): ExpressionSchema {
  const objects: Record<string, ObjectFields> = {};
  for (const target of STANDARD_TARGETS) objects[target] = {};
  for (const [key, o] of model.byKey) objects[key] = fieldsOf(o.live);
  if (overlay) objects[object] = overlay;
  const names = new Map([...model.byKey].map(([key, o]) => [key, o.definition.singular]));
  return { object, objects, objectName: (key) => names.get(key) ?? key };
}

/** A rollup's expression, and the schema it is checked against (a reverse rollup reads POINTING_HERE). */
export function rollupExpression(model: TenantModel, schema: ExpressionSchema, field: Pick<FieldDef, 'config'>): { source: string; schema: ExpressionSchema } {
  const { fn, relation, field: of, object } = field.config;
  if (!object) return { source: rollupSource({ fn: fn!, relation: relation!, field: of }), schema };
  const own = schema.objects[schema.object] ?? {};
  const related = model.byKey.get(object);
  const pointing = related?.live.find((f) => f.key === relation && f.type === 'relation' && !f.config.many && f.config.target === schema.object);
  // Unknown or not pointing here: the relation is unknown to the expression, which says so.
  const via = POINTING_HERE + relation!;
  const objects = pointing ? { ...schema.objects, [schema.object]: { ...own, [via]: { type: 'relation' as const, target: object, many: true } } } : schema.objects;
  return { source: rollupSource({ fn: fn!, relation: pointing ? via : relation!, field: of }), schema: { ...schema, objects } };
}

/** Compiles a computed field (formula or rollup) against a schema. */
export function compileComputed(model: TenantModel, schema: ExpressionSchema, field: Pick<FieldDef, 'type' | 'config'>): CheckResult {
  if (field.type === 'rollup') {
    const rollup = rollupExpression(model, schema, field);
    return compileExpression(rollup.source, rollup.schema, { purpose: 'formula' });
  }
  return compileExpression(field.config.expression ?? '', schema, { purpose: 'formula' });
}

export function compile(source: string, schema: ExpressionSchema, options: CheckOptions): CheckResult {
  return compileExpression(source, schema, options);
}

export interface CompiledField {
  field: FieldDef;
  /** null when it no longer checks (a field it read was removed): its value is null then. */
  expression: CheckedExpression | null;
}

/** An object's computed fields compiled against the live model, in the order to compute them (each after those it reads). */
export function compiledFields(model: TenantModel, object: TenantObject): CompiledField[] {
  return derived(model, `fields:${object.definition.id}`, () => compileFields(model, object));
}

function compileFields(model: TenantModel, object: TenantObject): CompiledField[] {
  const schema = schemaOf(model, object.definition.key);
  const out: CompiledField[] = [];
  for (const field of object.live) {
    if (!isComputed(field)) continue;
    const result = compileComputed(model, schema, field);
    out.push({ field, expression: result.ok ? result.expression : null });
  }
  const checked = out.filter((c) => c.expression).map((c) => ({ object: object.definition.key, key: c.field.key, expression: c.expression! }));
  const order = formulaOrder(checked);
  // A cycle is refused when defined; should one be stored anyway, the definition order serves.
  if (!order.ok) return out;
  const rank = new Map(order.order.map((f, i) => [f.key, i]));
  return out.sort((a, b) => (rank.get(a.field.key) ?? -1) - (rank.get(b.field.key) ?? -1));
}
