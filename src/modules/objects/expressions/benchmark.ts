/**
 * How fast a checked formula evaluates: `npx tsx src/modules/objects/expressions/benchmark.ts`.
 * A formula of about 20 nodes over 100,000 records, checked once and evaluated per record,
 * as the objects module recomputes a stored formula field.
 */
import { compileExpression, evaluate } from './index.js';
import { schema } from './test-fixtures.js';

const source = "if(status = 'active' and not is_blank(valid_to), days_between(today(), valid_to) * 2 + round(spaces / 3, 1), 0) + minor_units(fee * 1.21) % 100";
const checked = compileExpression(source, schema);
if (!checked.ok) throw new Error(checked.errors[0]!.message);
const records = Array.from({ length: 100_000 }, (_, i) => ({
  status: i % 7 === 0 ? 'expired' : 'active',
  valid_to: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  spaces: i % 50,
  fee: { amount: 1000 + (i % 5000), currency: 'EUR' },
}));
const context = { now: new Date(), timeZone: 'Pacific/Auckland' };

for (let round = 0; round < 3; round++) {
  const start = performance.now();
  let sum = 0;
  for (const record of records) sum += evaluate(checked.expression, record, context) as number;
  const ms = performance.now() - start;
  console.log(`round ${round + 1}: 100,000 evaluations in ${ms.toFixed(0)} ms (${Math.round(100_000 / (ms / 1000)).toLocaleString('en')}/s), checksum ${sum}`);
}
const parses = performance.now();
for (let i = 0; i < 10_000; i++) compileExpression(source, schema);
console.log(`parse and check: ${((performance.now() - parses) / 10_000 * 1000).toFixed(0)} µs each`);
