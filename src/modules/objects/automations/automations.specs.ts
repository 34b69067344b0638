import type { FieldError } from '../../../kernel/errors.js';
import { describeField } from '../computed/index.js';
import type { LoadedObject } from '../definitions/index.js';
import { compileExpression, messageIn, type CheckedExpression, type ExpressionSchema, type FieldType as ExprFieldType, type SourcePosition } from '../expressions/index.js';
import type { Action, CreateAutomation, Trigger, ValueSpec } from './automations.schemas.js';

/** An expression error as the API shows it: where it lies in which field of the body. */
export interface ExpressionProblem {
  field: string;
  code: string;
  message: string;
  position: SourcePosition | null;
}

/**
 * The schema an automation's expressions are checked against: the object's own fields. Relation
 * targets are known by key but not their fields, so an automation reads its own record only
 * (`is_blank(unit)` works, `unit.name` is an unknown field).
 */
export function schemaOf(object: LoadedObject): ExpressionSchema {
  const own: Record<string, ExprFieldType> = {};
  const targets: Record<string, Record<string, ExprFieldType>> = {};
  for (const field of object.live) {
    const type = describeField(field);
    if (!type) continue;
    own[field.key] = type;
    if (type.type === 'relation') targets[type.target] = {};
  }
  return { object: object.definition.key, objects: { ...targets, [object.definition.key]: own }, objectName: () => object.definition.singular };
}

/** A checked expression, or its errors (at `field`) pushed onto `problems`. */
export function compileAt(source: string, schema: ExpressionSchema, field: string, purpose: 'condition' | 'formula', problems: ExpressionProblem[], locale: 'en' | 'es' = 'en'): CheckedExpression | null {
  const result = compileExpression(source, schema, { purpose });
  if (result.ok) return result.expression;
  for (const e of result.errors) problems.push({ field, code: e.code, message: messageIn(e, locale), position: e.position });
  return null;
}

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]{0,39})\s*\}\}/g;

/** The field keys a mail template shows (`{{valid_to}}`). */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** `{{key}}` replaced by what `text(key)` would show of the record's value; unknown keys by nothing. */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, key: string) => showValue(values[key]));
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (typeof value === 'object') {
    const money = value as { amountMinor?: number; currency?: string };
    if (typeof money.amountMinor === 'number') return `${(money.amountMinor / 100).toFixed(2)} ${money.currency ?? ''}`.trim();
    return JSON.stringify(value);
  }
  return String(value);
}

const DATE_TYPES = new Set(['date', 'datetime']);

function checkTrigger(trigger: Trigger, object: LoadedObject, errors: FieldError[]): void {
  const misplaced = (key: keyof Trigger, types: Trigger['type'][]) => {
    if (trigger[key] !== undefined && !types.includes(trigger.type)) errors.push({ field: `trigger.${key}`, message: `does not apply to a ${trigger.type} trigger`, code: 'not_applicable' });
  };
  misplaced('fields', ['updated']);
  misplaced('field', ['date']);
  misplaced('offsetDays', ['date']);
  for (const [i, key] of (trigger.fields ?? []).entries()) {
    if (!object.byKey.has(key)) errors.push({ field: `trigger.fields.${i}`, message: 'is not a field of the object', code: 'unknown_field' });
  }
  if (trigger.type === 'date') {
    const field = trigger.field === undefined ? undefined : object.byKey.get(trigger.field);
    if (trigger.field === undefined) errors.push({ field: 'trigger.field', message: 'is required for a date trigger', code: 'required' });
    else if (!field || !DATE_TYPES.has(field.type)) errors.push({ field: 'trigger.field', message: 'must be a date or date-time field of the object', code: 'not_a_date' });
  }
}

/** Which properties each action takes (the others are refused, so that a typo is not silently ignored). */
const PROPERTIES: Record<Action['type'], (keyof Action)[]> = {
  set_field: ['field', 'value', 'expression'],
  create_record: ['object', 'relationField', 'values'],
  send_mail: ['to', 'subject', 'body'],
  emit_webhook: ['event'],
};

function checkValue(spec: ValueSpec, at: string, schema: ExpressionSchema, errors: FieldError[], problems: ExpressionProblem[]): void {
  const given = (spec.value !== undefined ? 1 : 0) + (spec.expression !== undefined ? 1 : 0);
  if (given !== 1) errors.push({ field: at, message: 'needs either a value or an expression', code: 'value_or_expression' });
  if (spec.expression !== undefined) compileAt(spec.expression, schema, `${at}.expression`, 'formula', problems);
}

/** The target object of a create_record action, loaded by the caller (it needs the database). */
export type TargetOf = (key: string) => Promise<LoadedObject | null>;

async function checkAction(action: Action, at: string, trigger: Trigger, object: LoadedObject, schema: ExpressionSchema, targetOf: TargetOf, errors: FieldError[], problems: ExpressionProblem[]): Promise<void> {
  for (const key of Object.keys(action) as (keyof Action)[]) {
    if (key !== 'type' && !PROPERTIES[action.type].includes(key)) errors.push({ field: `${at}.${key}`, message: `does not apply to a ${action.type} action`, code: 'not_applicable' });
  }
  const need = (key: keyof Action) => {
    if (action[key] === undefined) errors.push({ field: `${at}.${key}`, message: `is required for a ${action.type} action`, code: 'required' });
  };
  // A deleted record has no values to read nor to change: only a webhook event makes sense.
  if (trigger.type === 'deleted' && action.type !== 'emit_webhook') errors.push({ field: `${at}.type`, message: 'a deleted record can only be told about in a webhook event', code: 'not_applicable' });
  switch (action.type) {
    case 'set_field': {
      need('field');
      const field = action.field === undefined ? undefined : object.byKey.get(action.field);
      if (action.field !== undefined && (!field || field.type === 'formula')) errors.push({ field: `${at}.field`, message: 'is not a field of the object that can be set', code: 'unknown_field' });
      checkValue({ value: action.value, expression: action.expression }, at, schema, errors, problems);
      break;
    }
    case 'create_record': {
      need('object');
      need('relationField');
      if (action.object === undefined) break;
      const target = await targetOf(action.object);
      if (!target) {
        errors.push({ field: `${at}.object`, message: 'is not the key of a custom object', code: 'unknown_object' });
        break;
      }
      const relation = action.relationField === undefined ? undefined : target.byKey.get(action.relationField);
      if (action.relationField !== undefined && (relation?.type !== 'relation' || relation.config.target !== object.definition.key || relation.config.many)) {
        errors.push({ field: `${at}.relationField`, message: 'must be a to-one relation field of that object pointing at this one', code: 'not_a_relation_back' });
      }
      for (const [key, spec] of Object.entries(action.values ?? {})) {
        if (!target.byKey.has(key)) errors.push({ field: `${at}.values.${key}`, message: 'is not a field of that object', code: 'unknown_field' });
        else checkValue(spec, `${at}.values.${key}`, schema, errors, problems);
      }
      break;
    }
    case 'send_mail': {
      need('to');
      need('subject');
      need('body');
      const to = action.to === undefined ? undefined : object.byKey.get(action.to);
      const isMember = to?.type === 'relation' && to.config.target === 'member' && !to.config.many;
      if (action.to !== undefined && to?.type !== 'email' && !isMember) errors.push({ field: `${at}.to`, message: 'must be an e-mail field, or a to-one relation to a member', code: 'not_an_address' });
      for (const key of ['subject', 'body'] as const) {
        for (const name of placeholdersOf(action[key] ?? '')) {
          if (!object.byKey.has(name) && name !== 'id') errors.push({ field: `${at}.${key}`, message: `shows the field "${name}", which the object does not have`, code: 'unknown_field' });
        }
      }
      break;
    }
    case 'emit_webhook':
      need('event');
      break;
  }
}

/** Checks an automation against its object: field errors, and the expressions' errors with their positions. */
export async function checkAutomation(input: CreateAutomation, object: LoadedObject, targetOf: TargetOf): Promise<{ errors: FieldError[]; problems: ExpressionProblem[] }> {
  const errors: FieldError[] = [];
  const problems: ExpressionProblem[] = [];
  const schema = schemaOf(object);
  checkTrigger(input.trigger, object, errors);
  if (input.condition) compileAt(input.condition, schema, 'condition', 'condition', problems);
  for (const [i, action] of input.actions.entries()) await checkAction(action, `actions.${i}`, input.trigger, object, schema, targetOf, errors, problems);
  return { errors, problems };
}
