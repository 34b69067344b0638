import { dateIn, todayIn } from '../../../kernel/dates.js';

/** A record's values as the API stores them: plain JSON by field key. */
export type RecordValues = Readonly<Record<string, unknown>>;

/** One relation followed from a record: its field, the object it leads to, and the path from the expression's record (`['unit']`, `['unit', 'property']`). */
export interface RelationStep {
  readonly field: string;
  readonly target: string;
  readonly path: readonly string[];
}

/**
 * Related records, preloaded by the caller (the module knows from `dependencies()` which
 * relations an expression follows): evaluation is synchronous and never queries.
 */
export interface RelatedRecords {
  /** The record a to-one relation of `record` points at, or null. */
  one(record: RecordValues, relation: RelationStep): RecordValues | null;
  /** The records a to-many relation of `record` points at. */
  many(record: RecordValues, relation: RelationStep): readonly RecordValues[];
}

export interface EvaluationContext {
  /** The instant of evaluation: now() is it, today() is its date in `timeZone`. */
  readonly now: Date;
  /** The tenant's IANA time zone (`Pacific/Auckland`). */
  readonly timeZone: string;
  /** Needed when the expression follows relations (dependencies().relations is not empty). */
  readonly related?: RelatedRecords;
}

export interface Env {
  readonly record: RecordValues;
  readonly context: EvaluationContext;
}

export type Run = (env: Env) => unknown;

// One context serves a batch of records: today() is worked out once per context, not per record.
const todays = new WeakMap<EvaluationContext, string>();

export function todayOf(context: EvaluationContext): string {
  let today = todays.get(context);
  if (today === undefined) {
    today = todayIn(context.timeZone, context.now);
    todays.set(context, today);
  }
  return today;
}

/** The calendar date, in the tenant's zone, of an instant in epoch milliseconds. */
export const dateOfInstant = (context: EvaluationContext, ms: number): string => dateIn(context.timeZone, new Date(ms));

/** A record's own value for `key`, never one inherited from a prototype (`constructor`, `__proto__`). */
export function ownValue(record: RecordValues, key: string): unknown {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, key)) return null;
  const value = record[key];
  return value === undefined ? null : value;
}

export function relatedRecords(context: EvaluationContext): RelatedRecords {
  if (!context.related) throw new Error('This expression reads related records: pass `related` in the evaluation context');
  return context.related;
}
