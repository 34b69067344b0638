/** Reading a page's filters from its URL, which anyone can edit by hand: what is not well formed is dropped. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Text, trimmed and cut to `max` characters; nothing for blank or non-text. */
export const urlText = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? v.trim().slice(0, max) : undefined);

/** A real calendar day (not 2025-02-30), as `YYYY-MM-DD`. */
export function urlDay(v: unknown): string | undefined {
  if (typeof v !== 'string' || !DAY.test(v)) return undefined;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d);
  return at.getFullYear() === y && at.getMonth() === m - 1 && at.getDate() === d ? v : undefined;
}

/** The object without its undefined entries, so that the URL and the API's query carry only what is set. */
export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The instant a calendar day (`YYYY-MM-DD`) begins in the browser's time zone, `plusDays` later. */
export function dayStart(day: string, plusDays = 0): string {
  const at = new Date(`${day}T00:00:00`);
  at.setDate(at.getDate() + plusDays);
  return at.toISOString();
}
