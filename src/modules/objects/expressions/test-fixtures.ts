/** The schema the tests share: the issue's "Parking permit", its unit, and the unit's payments. */
import { type CheckedExpression, type CheckOptions, type EvaluationContext, type ExpressionSchema, type RecordValues, compileExpression, evaluate } from './index.js';

export const schema: ExpressionSchema = {
  object: 'permit',
  objects: {
    permit: {
      plate: { type: 'text' },
      notes: { type: 'long_text' },
      owner_email: { type: 'email' },
      valid_from: { type: 'date' },
      valid_to: { type: 'date' },
      issued_at: { type: 'datetime' },
      fee: { type: 'currency', currency: 'EUR' },
      deposit: { type: 'currency' },
      spaces: { type: 'number' },
      paid: { type: 'boolean' },
      status: { type: 'select', options: ['active', 'expired', 'revoked'] },
      tags: { type: 'multi_select', options: ['ev', 'visitor', 'disabled'] },
      scan: { type: 'file' },
      unit: { type: 'relation', target: 'unit', many: false },
      payments: { type: 'relation', target: 'payment', many: true },
    },
    unit: {
      name: { type: 'text' },
      floor: { type: 'number' },
      property: { type: 'relation', target: 'property', many: false },
      permits: { type: 'relation', target: 'permit', many: true },
    },
    property: { name: { type: 'text' }, owner: { type: 'relation', target: 'member', many: false } },
    member: { email: { type: 'email' }, address: { type: 'relation', target: 'address', many: false } },
    address: { city: { type: 'text' } },
    payment: { amount: { type: 'currency', currency: 'EUR' }, paid_on: { type: 'date' }, note: { type: 'text' } },
  },
};

export function compiled(source: string, options?: CheckOptions): CheckedExpression {
  const result = compileExpression(source, schema, options);
  if (!result.ok) throw new Error(`${source}: ${result.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return result.expression;
}

/** The errors of an expression that does not check (fails the test if it does). */
export function errorsOf(source: string, options?: CheckOptions) {
  const result = compileExpression(source, schema, options);
  if (result.ok) throw new Error(`${source} checked as ${result.expression.type.kind}`);
  return result.errors;
}

export const context = (overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({ now: new Date('2026-03-15T12:00:00Z'), timeZone: 'UTC', ...overrides });

export const run = (source: string, record: RecordValues = {}, ctx: EvaluationContext = context()) => evaluate(compiled(source), record, ctx);
