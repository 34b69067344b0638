import type { TenantContext } from '../../../kernel/context.js';
import type { FieldError } from '../../../kernel/errors.js';
import { compileComputed, describeField, fieldsOf, schemaOf, type TenantModel } from './computed.schema.js';
import { loadModel } from '../definitions/index.js';
import { fieldTypeOf, formulaOrder, type CheckedExpression, type ExprType, type FormulaField } from '../expressions/index.js';
import { isComputed, type ComputedResult, type FieldConfig, type FieldType } from '../fields.js';
import { expressionErrors } from './rules.service.js';

/** A field being defined (added, created with its object, or its expression changed), with where its errors go. */
export interface ComputedSpec {
  spec: { key: string; type: FieldType; config: FieldConfig };
  /** The field errors' prefix: `fields.0.config`, `config`. */
  at: string;
  /** Where a formula's expression errors go (`config.expression`, or `expression` in a field's patch). */
  expressionAt: string;
}

function resultOf(type: ExprType): ComputedResult | null {
  const field = fieldTypeOf(type);
  if (!field || field.type === 'relation' || field.type === 'file') return null;
  if (field.type === 'currency') return { type: 'currency', currency: field.currency ?? null };
  if (field.type === 'select' || field.type === 'multi_select') return { type: field.type, options: [...field.options] };
  return { type: field.type as ComputedResult['type'] };
}

/** A reverse rollup's object and relation: a live custom object whose to-one relation points at `objectKey`. */
function checkRollupShape(model: TenantModel, objectKey: string, item: ComputedSpec, errors: FieldError[]): boolean {
  const { object, relation } = item.spec.config;
  if (!object) return true;
  const related = model.byKey.get(object);
  if (!related || related.definition.kind !== 'object') {
    errors.push({ field: `${item.at}.object`, message: 'is not the key of a custom object', code: 'unknown_object' });
    return false;
  }
  const field = related.live.find((f) => f.key === relation);
  if (!field || field.type !== 'relation' || field.config.many || field.config.target !== objectKey) {
    errors.push({ field: `${item.at}.relation`, message: 'must be a to-one relation of that object pointing at this one', code: 'not_pointing_here' });
    return false;
  }
  return true;
}

/**
 * Checks formula and rollup fields being defined on `objectKey` against the tenant's live
 * objects (with the object's other fields as they will be), in order, so that one may read
 * those before it; stores each one's result type and whether it reads the clock in its config;
 * refuses formula cycles. Errors go to `errors` with their positions.
 */
export async function checkComputedFields(ctx: TenantContext, objectKey: string, items: readonly ComputedSpec[], errors: FieldError[]): Promise<void> {
  const computed = items.filter((i) => isComputed(i.spec));
  if (computed.length === 0) return;
  const model = await loadModel(ctx.db, ctx.tenant.id);
  const replaced = new Set(items.map((i) => i.spec.key));
  const existing = (model.byKey.get(objectKey)?.live ?? []).filter((f) => !replaced.has(f.key));
  const overlay = { ...fieldsOf(existing), ...fieldsOf(items.filter((i) => !isComputed(i.spec)).map((i) => i.spec)) };
  const checked: FormulaField[] = [];
  for (const item of computed) {
    const { spec } = item;
    if (spec.type === 'rollup' && !checkRollupShape(model, objectKey, item, errors)) continue;
    const result = compileComputed(model, schemaOf(model, objectKey, overlay), spec);
    if (!result.ok) {
      // A rollup's expression is the module's, not the user's: its errors belong to its field (or relation), without a position.
      const at = spec.type === 'formula' ? item.expressionAt : `${item.at}.${spec.config.field ? 'field' : 'relation'}`;
      errors.push(...expressionErrors(ctx, at, result.errors).map((e) => (spec.type === 'formula' ? e : { ...e, position: null })));
      continue;
    }
    const stored = resultOf(result.expression.type);
    if (!stored) continue;
    spec.config.result = stored;
    spec.config.volatile = result.expression.dependencies.volatile;
    const described = describeField(spec);
    if (described) overlay[spec.key] = described;
    checked.push({ object: objectKey, key: spec.key, expression: result.expression });
  }
  if (checked.length === 0) return;
  const cycle = formulaOrder([...othersOf(model, objectKey, replaced, overlay), ...checked]);
  if (!cycle.ok) {
    const at = computed.find((i) => cycle.cycle.includes(`${objectKey}.${i.spec.key}`)) ?? computed[0]!;
    errors.push(...expressionErrors(ctx, at.spec.type === 'formula' ? at.expressionAt : `${at.at}.relation`, [cycle.error]));
  }
}

/** The tenant's other computed fields, compiled, for the cycle check (this object's as they will be). */
function othersOf(model: TenantModel, objectKey: string, replaced: ReadonlySet<string>, overlay: ReturnType<typeof fieldsOf>): FormulaField[] {
  const out: FormulaField[] = [];
  for (const [key, object] of model.byKey) {
    const schema = key === objectKey ? schemaOf(model, key, overlay) : schemaOf(model, key);
    for (const field of object.live) {
      if (!isComputed(field) || (key === objectKey && replaced.has(field.key))) continue;
      const result = compileComputed(model, schema, field);
      if (result.ok) out.push({ object: key, key: field.key, expression: result.expression as CheckedExpression });
    }
  }
  return out;
}
