import pg from 'pg';

export const TIMESTAMPTZ_OID = 1184;
/** pg's own parser (postgres-date), for every form the fast path below does not take. */
const general = pg.types.getTypeParser(TIMESTAMPTZ_OID) as (text: string) => Date | number | null;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * A timestamptz as PostgreSQL writes it (DateStyle ISO), `2026-12-06 09:21:37.622456+00`, as a
 * Date, read by position: pg's general parser runs three regular expressions per value, which
 * was a tenth of a page of members' CPU (two timestamps a row). Only a four-digit year, a
 * fraction and an offset of hours, minutes and seconds are taken here; anything else (BC,
 * infinity, years past 9999) goes to the general parser. Milliseconds are truncated, as a
 * Date keeps them.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const n = text.length;
  if (n < 22 || text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':') return general(text);
  let i = 19;
  let ms = 0;
  if (text[i] === '.') {
    // Whole digits first (100, 10, 1), so that .029 is 29 ms and not 28.999…
    for (let scale = 100, d = digit(text, ++i); d >= 0 && d <= 9; scale /= 10, d = digit(text, ++i)) ms += d * scale;
    ms = Math.trunc(ms);
  }
  const sign = text[i] === '+' ? 1 : text[i] === '-' ? -1 : 0;
  if (sign === 0 || i + 3 > n) return general(text);
  let offset = two(text, i + 1) * 3600;
  i += 3;
  if (text[i] === ':') {
    offset += two(text, i + 1) * 60;
    i += 3;
  }
  if (text[i] === ':') {
    offset += two(text, i + 1);
    i += 3;
  }
  if (i !== n) return general(text);
  const year = digit(text, 0) * 1000 + two(text, 1) * 10 + digit(text, 3);
  if (!(year >= 1000)) return general(text);
  const utc = Date.UTC(year, two(text, 5) - 1, two(text, 8), two(text, 11), two(text, 14), two(text, 17), ms);
  const time = utc - sign * offset * 1000;
  return Number.isNaN(time) ? general(text) : new Date(time);
}
