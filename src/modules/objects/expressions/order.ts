import type { CheckedExpression } from './expression.js';
import { ExpressionError } from './errors.js';

/** A formula (or rollup) field to order: the object it belongs to, its key and its checked expression. */
export interface FormulaField {
  readonly object: string;
  readonly key: string;
  readonly expression: CheckedExpression;
}

export type FormulaOrder = { readonly ok: true; readonly order: readonly FormulaField[] } | { readonly ok: false; readonly error: ExpressionError; readonly cycle: readonly string[] };

const id = (object: string, key: string) => `${object}.${key}`;

/**
 * The formula fields in an order to compute them (each after the formulas it reads, through
 * relations too), or the cycle that makes it impossible: `expression.cycle` with the fields,
 * as `object.key`, in `cycle` (first field repeated at the end) and in the message. Fields of several objects may be ordered together.
 */
export function formulaOrder(fields: readonly FormulaField[]): FormulaOrder {
  const byId = new Map(fields.map((f) => [id(f.object, f.key), f]));
  const reads = new Map<string, string[]>();
  for (const f of fields) {
    const read = new Set<string>();
    for (const p of f.expression.dependencies.paths) {
      p.path.forEach((key, i) => {
        const target = id(p.objects[i]!, key);
        if (byId.has(target)) read.add(target);
      });
    }
    reads.set(id(f.object, f.key), [...read]);
  }
  // Depth-first, without recursion: 0 unvisited, 1 on the current path, 2 done.
  const state = new Map<string, 1 | 2>();
  const order: FormulaField[] = [];
  for (const start of byId.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = reads.get(top.node)!;
      if (top.next < edges.length) {
        const to = edges[top.next++]!;
        const s = state.get(to);
        if (s === 1) {
          const cycle = [...stack.slice(stack.findIndex((f) => f.node === to)).map((f) => f.node), to];
          return { ok: false, cycle, error: new ExpressionError('expression.cycle', { fields: cycle.join(' → ') }, null) };
        }
        if (s === undefined) {
          state.set(to, 1);
          stack.push({ node: to, next: 0 });
        }
      } else {
        state.set(top.node, 2);
        order.push(byId.get(top.node)!);
        stack.pop();
      }
    }
  }
  return { ok: true, order };
}
