/** The audit log page's filters as they live in the URL. */
export interface AuditSearch {
  /** An action, or a prefix ending in `*` (`auth.*`). */
  action?: string;
  /** The acting user's or API key's id. */
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** Calendar days (`YYYY-MM-DD`), both included, in the browser's time zone. */
  from?: string;
  to?: string;
  cursor?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z0-9_.]+\*?$/;
const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim().length > 0 ? v.trim().slice(0, max) : undefined);
/** A real calendar day (not 2025-02-30), as `YYYY-MM-DD`. */
const day = (v: unknown) => {
  if (typeof v !== 'string' || !DAY.test(v)) return undefined;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d);
  return at.getFullYear() === y && at.getMonth() === m - 1 && at.getDate() === d ? v : undefined;
};
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Reads the URL, dropping what is not well formed (a hand-edited address). */
export function auditSearch(raw: Record<string, unknown>): AuditSearch {
  const action = text(raw.action, 100);
  return defined({
    action: action && ACTION.test(action) ? action : undefined,
    actor: text(raw.actor, 100),
    targetType: text(raw.targetType, 60),
    targetId: text(raw.targetId, 100),
    from: day(raw.from),
    to: day(raw.to),
    cursor: text(raw.cursor, 2048),
  });
}

/** The API's query for the page: days become instants, the `to` day included (up to the next midnight). */
export function auditQuery(search: AuditSearch, limit = 50) {
  const midnight = (d: string, plusDays = 0) => {
    const at = new Date(`${d}T00:00:00`);
    at.setDate(at.getDate() + plusDays);
    return at.toISOString();
  };
  return defined({
    limit,
    cursor: search.cursor,
    action: search.action,
    actor: search.actor,
    targetType: search.targetType,
    targetId: search.targetId,
    from: search.from ? midnight(search.from) : undefined,
    to: search.to ? midnight(search.to, 1) : undefined,
  });
}
