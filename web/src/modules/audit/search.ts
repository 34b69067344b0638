import { dayStart, defined, urlDay, urlText } from '../../ui/url-search.js';

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

const ACTION = /^[a-z0-9_.]+\*?$/;

/** Reads the URL, dropping what is not well formed (a hand-edited address). */
export function auditSearch(raw: Record<string, unknown>): AuditSearch {
  const action = urlText(raw.action, 100);
  return defined({
    action: action && ACTION.test(action) ? action : undefined,
    actor: urlText(raw.actor, 100),
    targetType: urlText(raw.targetType, 60),
    targetId: urlText(raw.targetId, 100),
    from: urlDay(raw.from),
    to: urlDay(raw.to),
    cursor: urlText(raw.cursor, 2048),
  });
}

/** The API's query for the page: days become instants, the `to` day included (up to the next midnight). */
export function auditQuery(search: AuditSearch, limit = 50) {
  return defined({
    limit,
    cursor: search.cursor,
    action: search.action,
    actor: search.actor,
    targetType: search.targetType,
    targetId: search.targetId,
    from: search.from ? dayStart(search.from) : undefined,
    to: search.to ? dayStart(search.to, 1) : undefined,
  });
}
