/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** A uniformly random element (Math.random is plenty for spreading load). */
export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Percentiles by nearest rank, mean and max of some values (milliseconds, say), rounded to `digits`. */
export function summarise(values: readonly number[], digits = 1): { count: number; mean: number; p50: number; p90: number; p95: number; p99: number; max: number } {
  const sorted = Float64Array.from(values).sort();
  const round = (n: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : 0);
  const sum = values.reduce((a, b) => a + b, 0);
  return { count: values.length, mean: round(values.length ? sum / values.length : 0), p50: round(at(50)), p90: round(at(90)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.length ? sorted[sorted.length - 1]! : 0) };
}
