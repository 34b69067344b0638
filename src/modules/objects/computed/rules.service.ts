import type { TenantContext } from '../../../kernel/context.js';
import { AppError, notFound, type FieldError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { ComputedRepository } from './computed.repository.js';
import { compile, schemaOf, type TenantModel, type TenantObject } from './computed.schema.js';
import { DefinitionsRepository, derived, loadModel, getDefinition } from '../definitions/index.js';
import { describeType, messageIn, tryEvaluate, type CheckedExpression, type CheckOptions, type EvaluationContext, type ExpressionError, type RecordValues } from '../expressions/index.js';
import type { ObjectRule } from '../fields.js';
import type { Definition, RuleSpec, UpdateRule } from '../objects.schemas.js';

/**
 * Cross-field rules: an expression of the object's fields that a write must not make false,
 * with the message the refusal gives. Like a SQL CHECK, a rule that is null (a value it reads
 * is blank) passes; so does one that cannot be evaluated (amounts in two currencies).
 */

export const MAX_RULES = 50;

const actorOf = (ctx: TenantContext) => ctx.principal?.userId ?? null;

/** An expression's errors as field errors at `field`, with their code and position, in the requester's language. */
export function expressionErrors(ctx: TenantContext, field: string, errors: readonly ExpressionError[]): FieldError[] {
  return errors.map((e) => ({ field, code: e.code, message: messageIn(e, ctx.locale === 'es' ? 'es' : 'en'), position: e.position }) as FieldError);
}

export interface CompiledRule {
  rule: ObjectRule;
  expression: CheckedExpression;
}

/** The object's rules compiled against the live model; one that no longer checks (a field it read was removed) is skipped. */
export function compiledRules(model: TenantModel, object: TenantObject): CompiledRule[] {
  const rules = object.definition.rules ?? [];
  if (rules.length === 0) return [];
  return derived(model, `rules:${object.definition.id}`, () => {
    const schema = schemaOf(model, object.definition.key);
    return rules.flatMap((rule) => {
      const result = compile(rule.expression, schema, { purpose: 'rule' });
      return result.ok ? [{ rule, expression: result.expression }] : [];
    });
  });
}

/** The field errors of the rules false for `values`: on the fields each rule names, or else on the fields it reads. */
export function failedRules(rules: readonly CompiledRule[], values: RecordValues, context: EvaluationContext): FieldError[] {
  const errors: FieldError[] = [];
  for (const { rule, expression } of rules) {
    const result = tryEvaluate(expression, values, context);
    if (!result.ok || result.value !== false) continue;
    const fields = rule.fields.length > 0 ? rule.fields : expression.dependencies.fields.slice(0, 1);
    for (const field of fields.length > 0 ? fields : ['body']) errors.push({ field, message: rule.message, code: 'rule' });
  }
  return errors;
}

async function liveObject(ctx: TenantContext, key: string) {
  const object = await new DefinitionsRepository(ctx.db).findLive(key, true);
  if (!object) throw notFound('The object');
  return object;
}

/** A rule checked against the object: its expression gives true or false, the fields it names are the object's. */
async function checkedRule(ctx: TenantContext, key: string, rule: ObjectRule): Promise<ObjectRule> {
  const model = await loadModel(ctx.db, ctx.tenant.id);
  const object = model.byKey.get(key)!;
  const errors: FieldError[] = [];
  const result = compile(rule.expression, schemaOf(model, key), { purpose: 'rule' });
  if (!result.ok) errors.push(...expressionErrors(ctx, 'expression', result.errors));
  rule.fields.forEach((f, i) => {
    if (!object.live.some((l) => l.key === f)) errors.push({ field: `fields.${i}`, message: 'is not a field of the object', code: 'unknown_field' });
  });
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors });
  return { ...rule, fields: [...new Set(rule.fields)] };
}

export async function addRule(ctx: TenantContext, key: string, spec: RuleSpec): Promise<Definition> {
  const object = await liveObject(ctx, key);
  if (object.rules.length >= MAX_RULES) throw new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'expression', message: `an object has at most ${MAX_RULES} rules`, code: 'too_many' }] });
  const rule = await checkedRule(ctx, key, { id: newId(), expression: spec.expression, message: spec.message, fields: spec.fields ?? [] });
  await new ComputedRepository(ctx.db).setRules(object.id, [...object.rules, rule]);
  await new DefinitionsRepository(ctx.db).recordChange(ctx.tenant.id, object.id, { action: 'rule_added', details: { ...rule }, actor: actorOf(ctx) });
  return getDefinition(ctx, key);
}

export async function updateRule(ctx: TenantContext, key: string, id: string, patch: UpdateRule): Promise<Definition> {
  const object = await liveObject(ctx, key);
  const before = object.rules.find((r) => r.id === id.toLowerCase());
  if (!before) throw notFound('The rule');
  const rule = await checkedRule(ctx, key, { ...before, ...patch, fields: patch.fields ?? before.fields });
  await new ComputedRepository(ctx.db).setRules(object.id, object.rules.map((r) => (r.id === rule.id ? rule : r)));
  await new DefinitionsRepository(ctx.db).recordChange(ctx.tenant.id, object.id, { action: 'rule_updated', details: { id: rule.id, ...patch }, actor: actorOf(ctx) });
  return getDefinition(ctx, key);
}

export async function removeRule(ctx: TenantContext, key: string, id: string): Promise<Definition> {
  const object = await liveObject(ctx, key);
  const before = object.rules.find((r) => r.id === id.toLowerCase());
  if (!before) throw notFound('The rule');
  await new ComputedRepository(ctx.db).setRules(object.id, object.rules.filter((r) => r.id !== before.id));
  await new DefinitionsRepository(ctx.db).recordChange(ctx.tenant.id, object.id, { action: 'rule_removed', details: { id: before.id, expression: before.expression }, actor: actorOf(ctx) });
  return getDefinition(ctx, key);
}

/** Checks an expression against the object's fields, for the pages' live validation: its type, or its errors with positions. */
export async function checkExpressionOf(ctx: TenantContext, key: string, body: { expression: string; purpose?: CheckOptions['purpose'] }) {
  const model = await loadModel(ctx.db, ctx.tenant.id);
  if (!model.byKey.has(key)) throw notFound('The object');
  const locale = ctx.locale === 'es' ? 'es' : 'en';
  const result = compile(body.expression, schemaOf(model, key), { purpose: body.purpose ?? 'formula' });
  if (!result.ok) return { ok: false, type: null, volatile: false, errors: result.errors.map((e) => ({ code: e.code, message: messageIn(e, locale), position: e.position })) };
  const type = result.expression.type;
  return { ok: true, type: { kind: type.kind, ...(type.kind === 'money' ? { currency: type.currency } : {}), description: describeType(type, locale) }, volatile: result.expression.dependencies.volatile, errors: [] };
}
