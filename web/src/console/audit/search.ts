import { dayStart, defined, urlDay, urlText } from '../../ui/url-search.js';

/** The audit page's search and filters as they live in the URL. */
export interface AuditSearch {
  q?: string;
  actor?: string;
  action?: string;
  /** A tenant's id or slug. */
  tenant?: string;
  /** Calendar days (`YYYY-MM-DD`), both included, in the browser's time zone. */
  from?: string;
  to?: string;
  cursor?: string;
}

/** Reads the URL, dropping what is not well formed (a hand-edited address). */
export function auditSearch(raw: Record<string, unknown>): AuditSearch {
  return defined({ q: urlText(raw.q, 100), actor: urlText(raw.actor, 200), action: urlText(raw.action, 100), tenant: urlText(raw.tenant, 64), from: urlDay(raw.from), to: urlDay(raw.to), cursor: urlText(raw.cursor, 2048) });
}

/** The API's query for the page: days become instants, the `to` day included (up to the next midnight). */
export function auditQuery(search: AuditSearch, limit = 50) {
  return defined({
    limit,
    cursor: search.cursor,
    q: search.q,
    actor: search.actor,
    action: search.action,
    tenant: search.tenant,
    from: search.from ? dayStart(search.from) : undefined,
    to: search.to ? dayStart(search.to, 1) : undefined,
  });
}
