import { describe, expect, it } from 'vitest';
import { previewAllocation, type OpenCharge } from './allocation.js';

const charge = (id: string, dueDate: string, outstanding: number, extra: Partial<OpenCharge> = {}): OpenCharge => ({ id, description: `Charge ${id}`, dueDate, currency: 'EUR', status: 'open', outstanding, ...extra });

describe('the allocation preview', () => {
  it('settles open charges oldest due first and leaves the rest as credit', () => {
    const p = previewAllocation([charge('b', '2026-02-01', 5000), charge('a', '2026-01-01', 3000)], 0, 10000, 'EUR');
    expect(p.settles.map((s) => [s.charge.id, s.amount, s.remaining])).toEqual([
      ['a', 3000, 0],
      ['b', 5000, 0],
    ]);
    expect(p.creditLeft).toBe(2000);
  });

  it('settles part of a charge when the money runs out, and nothing after it', () => {
    const p = previewAllocation([charge('a', '2026-01-01', 3000), charge('b', '2026-02-01', 5000), charge('c', '2026-03-01', 100)], 0, 4000, 'EUR');
    expect(p.settles.map((s) => [s.charge.id, s.amount, s.remaining])).toEqual([
      ['a', 3000, 0],
      ['b', 1000, 4000],
    ]);
    expect(p.creditLeft).toBe(0);
  });

  it('spends earlier credit with the payment, as the server pools them', () => {
    const p = previewAllocation([charge('a', '2026-01-01', 3000)], 500, 2500, 'EUR');
    expect(p.settles.map((s) => s.amount)).toEqual([3000]);
    expect(p.creditBefore).toBe(500);
    expect(p.creditLeft).toBe(0);
  });

  it('breaks a tie of due dates by id, and skips other currencies and charges that owe nothing', () => {
    const p = previewAllocation(
      [charge('02', '2026-01-01', 100), charge('01', '2026-01-01', 100), charge('00', '2025-01-01', 100, { currency: 'USD' }), charge('03', '2024-01-01', 0, { status: 'paid' }), charge('04', '2024-01-01', 100, { status: 'void' })],
      0,
      150,
      'EUR',
    );
    expect(p.settles.map((s) => [s.charge.id, s.amount])).toEqual([
      ['01', 100],
      ['02', 50],
    ]);
  });

  it('keeps everything as credit when nothing is open', () => {
    expect(previewAllocation([], 0, 1234, 'EUR')).toEqual({ settles: [], creditBefore: 0, creditLeft: 1234 });
  });
});
