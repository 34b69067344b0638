import { type Expr, LIMITS, nodeBeyondDepth } from './ast.js';
import { type ErrorParams, type ExpressionError, type ExpressionErrorCode, errorAt } from './errors.js';
import { AGGREGATES, type CallSite, FUNCTIONS, type FunctionSpec } from './functions.js';
import { buildBinary, buildUnary, checkBinary, checkUnary, type OperatorSite, type Side } from './operators.js';
import { buildAggregate, checkAggregate } from './aggregates.js';
import { type RecordValues, type RelationStep, type Run, ownValue, relatedRecords } from './runtime.js';
import { type ExprType, type ExpressionSchema, type FieldType, type ObjectFields, type TypeKind, T, describeType, typeOfField } from './types.js';
import { type Fail, type Money, dayNumber, instant, isMoney } from './values.js';

export interface DependencyPath {
  /** Field keys from the expression's record: `['valid_to']`, `['unit', 'name']`, `['payments', 'amount']`, `['permits']`. */
  readonly path: readonly string[];
  /** The object each key of `path` is a field of (`objects[0]` is the expression's own object). */
  readonly objects: readonly string[];
  /** The path goes through a to-many relation. */
  readonly many: boolean;
}

export interface Typed {
  readonly type: ExprType;
  readonly run: Run;
}

/** A field path read: its type and how to read it; `many` paths give an array (one value per related record). */
export interface FieldRead extends Typed {
  readonly many: boolean;
  /** The field read at the end, null when the path ends at a to-many relation (`count(permits)`). */
  readonly field: FieldType | null;
}

const unknownKind = (kind: TypeKind): ExprType => ({ kind }) as ExprType;

/** Reads a stored value as the field's type, refusing what the field cannot hold (a number field holding 'abc'). */
function readerFor(field: FieldType, key: string, fail: Fail): (raw: unknown) => unknown {
  const invalid = () => fail('expression.invalid_value', { field: key, expected: describeType(typeOfField(field, key)) });
  switch (field.type) {
    case 'number':
      return (raw) => {
        if (raw === null) return null;
        const n = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
        return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= LIMITS.number ? n : invalid();
      };
    case 'boolean':
      return (raw) => (raw === null || typeof raw === 'boolean' ? raw : invalid());
    case 'date':
      return (raw) => (raw === null || (typeof raw === 'string' && dayNumber(raw) !== null) ? raw : invalid());
    case 'datetime':
      return (raw) => (raw === null ? null : (typeof raw === 'string' ? instant(raw) : null) ?? invalid());
    case 'currency':
      return (raw) => {
        if (raw === null) return null;
        if (!isMoney(raw) || (field.currency && raw.currency !== field.currency)) return invalid();
        return { amount: raw.amount, currency: raw.currency } satisfies Money;
      };
    case 'multi_select':
      return (raw) => (raw === null || (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) ? raw : invalid());
    case 'relation':
    case 'file':
      return (raw) => raw;
    default:
      return (raw) => (raw === null || typeof raw === 'string' ? raw : invalid());
  }
}

export class Checker {
  readonly errors: ExpressionError[] = [];
  readonly paths: DependencyPath[] = [];
  readonly relations = new Map<string, RelationStep>();
  volatile = false;
  private readonly fieldMaps = new Map<string, ReadonlyMap<string, FieldType>>();

  constructor(
    private readonly source: string,
    private readonly schema: ExpressionSchema,
  ) {}

  /** The type and evaluation of `root`, or null when errors were found (see `errors`). */
  check(root: Expr): Typed | null {
    // A tree built by hand (not by the parser) is bounded here, before anything recurses on it.
    const deep = nodeBeyondDepth(root, LIMITS.depth);
    if (deep) {
      this.errors.push(errorAt(this.source, deep.start, deep.end, 'expression.too_deep', { max: LIMITS.depth }));
      return null;
    }
    const typed = this.visit(root);
    return this.errors.length === 0 ? typed : null;
  }

  report(node: { start: number; end: number }, code: ExpressionErrorCode, params: ErrorParams): null {
    this.errors.push(errorAt(this.source, node.start, node.end, code, params));
    return null;
  }

  failAt(node: { start: number; end: number }): Fail {
    return (code, params = {}) => {
      throw errorAt(this.source, node.start, node.end, code, params);
    };
  }

  private fields(object: string): ReadonlyMap<string, FieldType> {
    let map = this.fieldMaps.get(object);
    if (!map) {
      // Own properties only, into a Map: no name reaches a prototype.
      const fields: ObjectFields | undefined = Object.hasOwn(this.schema.objects, object) ? this.schema.objects[object] : undefined;
      map = new Map(fields ? Object.entries(fields) : []);
      this.fieldMaps.set(object, map);
    }
    return map;
  }

  private objectName(object: string): string {
    return this.schema.objectName?.(object) ?? object;
  }

  visit(node: Expr): Typed | null {
    switch (node.kind) {
      case 'number':
      case 'text':
      case 'boolean': {
        const value = node.value;
        return { type: unknownKind(node.kind === 'text' ? 'text' : node.kind), run: () => value };
      }
      case 'null':
        return { type: T.null, run: () => null };
      case 'field':
        return this.field(node, false);
      case 'unary': {
        const operand = this.visit(node.operand);
        if (!operand) return null;
        const type = checkUnary(node.op, operand.type, (expected) =>
          this.report(node.operand, 'expression.type_mismatch', { what: node.op === 'not' ? 'not' : 'A minus sign', expected, found: describeType(operand.type) }),
        );
        return type && { type, run: buildUnary(node.op, operand.run, this.failAt(node)) };
      }
      case 'binary': {
        const left = this.visit(node.left);
        const right = this.visit(node.right);
        if (!left || !right) return null;
        const operands = { left: node.left, right: node.right };
        const types = { left: left.type, right: right.type };
        const site: OperatorSite = {
          mismatch: (side: Side, expected) =>
            this.report(operands[side], 'expression.type_mismatch', { what: `The ${side} side of ${node.op}`, expected, found: describeType(types[side]) }),
          error: (side: Side, code, params) => this.report(operands[side], code, params),
          literal: (side: Side) => (operands[side].kind === 'text' ? (operands[side] as { value: string }).value : null),
        };
        const type = checkBinary(node.op, left.type, right.type, site);
        return type && { type, run: buildBinary(node.op, left.run, right.run, [left.type, right.type], this.failAt(node)) };
      }
      case 'call':
        return this.call(node);
    }
  }

  private call(node: Expr & { kind: 'call' }): Typed | null {
    const nameSpan = { start: node.start, end: node.start + node.name.length };
    if (AGGREGATES.has(node.name)) {
      const aggregate = checkAggregate(this, node);
      if (aggregate !== undefined) return aggregate && { type: aggregate.type, run: buildAggregate(node.name, aggregate, this.failAt(node)) };
    }
    const spec: FunctionSpec | undefined = FUNCTIONS.get(node.name);
    if (!spec) return this.report(nameSpan, 'expression.unknown_function', { name: node.name });
    if (node.args.length < spec.min || node.args.length > spec.max) {
      return this.report(node, 'expression.arity', { name: node.name, expected: spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`, count: node.args.length });
    }
    const args = node.args.map((a) => this.visit(a));
    if (args.some((a) => a === null)) return null;
    const typed = args as Typed[];
    const types = typed.map((a) => a.type);
    const type = spec.check(types, this.callSite(node, types));
    if (!type) return null;
    if (spec.volatile) this.volatile = true;
    const fail = this.failAt(node);
    const runs = typed.map((a) => a.run);
    return { type, run: spec.build ? spec.build(runs, fail, types) : propagateNull(spec.apply!, runs, fail, types) };
  }

  callSite(node: Expr & { kind: 'call' }, types: readonly ExprType[]): CallSite {
    const at = (i: number) => node.args[i] ?? node;
    const argument = (i: number) => (node.args.length === 1 ? `The argument of ${node.name}()` : `Argument ${i + 1} of ${node.name}()`);
    return {
      name: node.name,
      args: node.args,
      mismatch: (i, expected) => this.report(at(i), 'expression.type_mismatch', { what: argument(i), expected, found: describeType(types[i] ?? T.null) }),
      error: (i, code, params) => this.report(at(i), code, params),
      unify: (list, first) => {
        let result: ExprType = T.null;
        for (let i = 0; i < list.length; i++) {
          const t = list[i]!;
          if (t.kind === 'null') continue;
          if (result.kind === 'null') {
            result = t;
          } else if (result.kind !== t.kind) {
            return this.report(at(first + i), 'expression.type_mismatch', { what: argument(first + i), expected: describeType(result), found: describeType(t) });
          } else if (result.kind === 'money' && t.kind === 'money' && result.currency !== t.currency) {
            if (result.currency && t.currency) return this.report(at(first + i), 'expression.currency_mismatch', { left: result.currency, right: t.currency });
            result = { kind: 'money', currency: null };
          } else if ((result.kind === 'text' || result.kind === 'list') && 'options' in result && (t as typeof result).options !== result.options) {
            result = { kind: result.kind };
          }
        }
        return result;
      },
    };
  }

  /**
   * A field path: own fields, to-one relations followed (`unit.property.name`), and, inside
   * an aggregate only (`allowMany`), one to-many relation (`payments.amount`).
   */
  field(node: Expr & { kind: 'field' }, allowMany: boolean): FieldRead | null {
    let object = this.schema.object;
    const objects: string[] = [];
    const steps: Array<{ step: RelationStep; many: boolean }> = [];
    let last: FieldType | null = null;
    for (let i = 0; i < node.path.length; i++) {
      const segment = node.path[i]!;
      objects.push(object);
      const field = this.fields(object).get(segment.name);
      if (!field) return this.report(segment, 'expression.unknown_field', { field: segment.name, object: this.objectName(object) });
      const isLast = i === node.path.length - 1;
      const span = { start: node.start, end: segment.end };
      if (field.type === 'relation' && (field.many || !isLast)) {
        if (field.many && (!allowMany || steps.some((s) => s.many))) return this.report(span, 'expression.to_many_outside_aggregate', { field: segment.name });
        if (steps.length >= LIMITS.relationHops) return this.report(span, 'expression.relation_too_deep', { max: LIMITS.relationHops });
        const path = node.path.slice(0, i + 1).map((s) => s.name);
        const step: RelationStep = { field: segment.name, target: field.target, path };
        this.relations.set(path.join('.'), step);
        steps.push({ step, many: field.many });
        object = field.target;
        continue;
      }
      if (!isLast) return this.report(span, 'expression.not_a_relation', { field: segment.name });
      last = field;
    }
    const many = steps.some((s) => s.many);
    this.paths.push({ path: node.path.map((s) => s.name), objects, many });
    const key = last ? node.path[node.path.length - 1]!.name : null;
    const read = last && key ? readerFor(last, key, this.failAt(node)) : null;
    const type: ExprType = last && key ? typeOfField(last, key) : { kind: 'record' };
    return { type, many, field: last, run: pathReader(steps, key, read) };
  }
}

/** Follows `steps` from the record and reads `key` (or, with none, gives the records the to-many step reached). */
function pathReader(steps: ReadonlyArray<{ step: RelationStep; many: boolean }>, key: string | null, read: ((raw: unknown) => unknown) | null): Run {
  const value = (record: RecordValues | null) => (record === null ? null : key === null ? record : read!(ownValue(record, key)));
  if (steps.length === 0) return (env) => value(env.record);
  const manyAt = steps.findIndex((s) => s.many);
  return (env) => {
    const related = relatedRecords(env.context);
    let record: RecordValues | null = env.record;
    for (let i = 0; i < (manyAt < 0 ? steps.length : manyAt); i++) {
      record = related.one(record, steps[i]!.step);
      if (record === null) return manyAt < 0 ? null : [];
    }
    if (manyAt < 0) return value(record);
    return related.many(record, steps[manyAt]!.step).map((r) => {
      let at: RecordValues | null = r;
      for (let i = manyAt + 1; i < steps.length && at !== null; i++) at = related.one(at, steps[i]!.step);
      return value(at);
    });
  };
}

/** A function that gives null when an argument is null, built for its arity so the common cases allocate little. */
function propagateNull(apply: NonNullable<FunctionSpec['apply']>, args: readonly Run[], fail: Fail, types: readonly ExprType[]): Run {
  if (args.length === 1) {
    const [a] = args as [Run];
    return (env) => {
      const x = a(env);
      return x === null ? null : apply([x], fail, env, types);
    };
  }
  if (args.length === 2) {
    const [a, b] = args as [Run, Run];
    return (env) => {
      const x = a(env);
      if (x === null) return null;
      const y = b(env);
      return y === null ? null : apply([x, y], fail, env, types);
    };
  }
  return (env) => {
    const values: unknown[] = [];
    for (const arg of args) {
      const v = arg(env);
      if (v === null) return null;
      values.push(v);
    }
    return apply(values, fail, env, types);
  };
}
