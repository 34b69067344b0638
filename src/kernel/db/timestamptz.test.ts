import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz, TIMESTAMPTZ_OID } from './timestamptz.js';

// pg's own parser, as it was before ours replaced it (this file does not load database.ts).
const general = pg.types.getTypeParser(TIMESTAMPTZ_OID) as (text: string) => Date | number | null;
const iso = (v: Date | number | null) => (v instanceof Date ? v.toISOString() : v);

describe('parseTimestamptz', () => {
  it('reads the forms PostgreSQL writes as the general parser does', () => {
    for (const text of [
      '2026-12-06 09:21:37.622456+00',
      '2026-12-06 09:21:37+00',
      '2026-12-06 09:21:37.5+05:30',
      '1900-01-01 00:00:00-00:01:15',
      '2024-02-29 23:59:59.999999-11',
      '1000-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999+14',
    ]) {
      expect(iso(parseTimestamptz(text)), text).toBe(iso(general(text)));
    }
  });

  it('takes whole milliseconds from the fraction', () => {
    // 1000 × parseFloat('.029') is 28.999…: the general parser's 28 is a rounding error.
    expect(iso(parseTimestamptz('2026-12-06 09:21:37.029+00'))).toBe('2026-12-06T09:21:37.029Z');
  });

  it('hands every other form to the general parser', () => {
    for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '12026-01-01 00:00:00+00', '0099-01-01 00:00:00+00']) {
      expect(iso(parseTimestamptz(text)), text).toEqual(iso(general(text)));
    }
  });

  it('agrees with the general parser on any instant written in any offset', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) - 86_400_000 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: -15 * 3600, max: 15 * 3600 }), fc.boolean(), (ms, micros, offset, fraction) => {
        const local = new Date(ms + offset * 1000);
        const abs = Math.abs(offset);
        const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${abs % 3600 ? `:${pad(Math.floor((abs % 3600) / 60))}${abs % 60 ? `:${pad(abs % 60)}` : ''}` : ''}`;
        const frac = fraction ? `.${pad(local.getUTCMilliseconds(), 3)}${pad(micros, 3)}` : '';
        const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${frac}${zone}`;
        const expected = new Date(fraction ? ms : ms - local.getUTCMilliseconds());
        expect(iso(parseTimestamptz(text))).toBe(expected.toISOString());
      }),
    );
  });
});
