import { describe, expect, it } from 'vitest';
import { countUpTo, lastMonths } from './dates.js';

describe('the dashboard figures', () => {
  it('takes the last twelve months, the current one up to today', () => {
    const months = lastMonths(new Date(2026, 1, 14), 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(months[10]).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(months[11]).toEqual({ from: '2026-02-01', to: '2026-02-14' });
  });

  it('counts pages up to a limit', async () => {
    const pages = (total: number) => async (cursor: string | undefined) => {
      const start = Number(cursor ?? 0);
      const end = Math.min(total, start + 200);
      return { data: Array.from({ length: end - start }), nextCursor: end < total ? String(end) : null };
    };
    expect(await countUpTo(1000, pages(450))).toEqual({ count: 450, more: false });
    expect(await countUpTo(1000, pages(1000))).toEqual({ count: 1000, more: false });
    expect(await countUpTo(1000, pages(50_000))).toEqual({ count: 1000, more: true });
  });
});
