import { describe, expect, it } from 'vitest';
import { addInterval } from './periods.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const chain = (from: string, interval: 'month' | 'year', steps: number, anchor?: number) => {
  const ends: string[] = [];
  let at = day(from);
  for (let i = 0; i < steps; i++) ends.push((at = addInterval(at, interval, anchor ?? day(from).getUTCDate())).toISOString().slice(0, 10));
  return ends;
};

describe('billing periods', () => {
  it('come back to the billing day after a shorter month instead of drifting to the 28th', () => {
    expect(chain('2026-01-31', 'month', 5)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(chain('2027-12-30', 'month', 3)).toEqual(['2028-01-30', '2028-02-29', '2028-03-30']);
  });

  it('keep an ordinary day as it is', () => {
    expect(chain('2026-03-15', 'month', 3)).toEqual(['2026-04-15', '2026-05-15', '2026-06-15']);
  });

  it('keep 29 February in leap years for yearly plans, the 28th between them', () => {
    expect(chain('2028-02-29', 'year', 4)).toEqual(['2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it("take the period's own day without a billing day", () => {
    expect(addInterval(day('2026-02-28'), 'month').toISOString().slice(0, 10)).toBe('2026-03-28');
  });
});
