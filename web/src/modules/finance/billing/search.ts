/** The typed search params of the billing pages (filters and cursors live in the URL). */

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.slice(0, 200) : undefined);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined => (values.includes(v as T) ? (v as T) : undefined);

export const SCHEDULE_KINDS = ['levy', 'rent'] as const;
export interface SchedulesSearch {
  kind?: (typeof SCHEDULE_KINDS)[number];
  active?: 'true' | 'false';
  cursor?: string;
}
export function schedulesSearch(raw: Record<string, unknown>): SchedulesSearch {
  return { kind: oneOf(raw.kind, SCHEDULE_KINDS), active: oneOf(String(raw.active ?? ''), ['true', 'false'] as const), cursor: text(raw.cursor) };
}

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export interface RunsSearch {
  period?: string;
  status?: (typeof RUN_STATUSES)[number];
  cursor?: string;
}
export function runsSearch(raw: Record<string, unknown>): RunsSearch {
  const period = text(raw.period);
  return { period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : undefined, status: oneOf(raw.status, RUN_STATUSES), cursor: text(raw.cursor) };
}

export const ITEM_STATUSES = ['pending', 'created', 'existing', 'skipped', 'failed'] as const;
export interface ItemsSearch {
  status?: (typeof ITEM_STATUSES)[number];
  cursor?: string;
}
export function itemsSearch(raw: Record<string, unknown>): ItemsSearch {
  return { status: oneOf(raw.status, ITEM_STATUSES), cursor: text(raw.cursor) };
}

/** A new billing run, prefilled from a schedule's page. */
export interface NewRunSearch {
  scheduleId?: string;
  period?: string;
}
export function newRunSearch(raw: Record<string, unknown>): NewRunSearch {
  const period = text(raw.period);
  return { scheduleId: text(raw.scheduleId), period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : undefined };
}
