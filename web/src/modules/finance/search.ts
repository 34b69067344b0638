/**
 * The finance lists' searches as they live in the URL, read from whatever the address holds
 * (a hand-edited one included): unknown values are dropped, never sent to the API.
 */
export const CHARGE_KINDS = ['levy', 'rent', 'service', 'utility', 'fee', 'deposit', 'other'] as const;
export const CHARGE_STATUSES = ['open', 'partially_paid', 'paid', 'written_off', 'void'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'other'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const text = (v: unknown, max = 100) => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : typeof v === 'number' ? String(v) : undefined);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
const uuid = (v: unknown) => (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v.toLowerCase() : undefined);
/** Drops the keys left undefined, so a link's search has only what is set. */
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export interface ChargesSearch {
  q?: string;
  cursor?: string;
  status?: ChargeStatus;
  kind?: ChargeKind;
  memberId?: string;
  dueFrom?: string;
  dueTo?: string;
}
export function chargesSearch(raw: Record<string, unknown>): ChargesSearch {
  return compact({ q: text(raw.q), cursor: text(raw.cursor, 500), status: oneOf(CHARGE_STATUSES, raw.status), kind: oneOf(CHARGE_KINDS, raw.kind), memberId: uuid(raw.memberId), dueFrom: day(raw.dueFrom), dueTo: day(raw.dueTo) });
}

/** Moves a day by whole days (UTC, so no clock change shifts it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The charges query of the API: its due-date bounds are exclusive, the page's inclusive. */
export function chargesQuery(s: ChargesSearch, limit = 50) {
  return compact({ limit, q: s.q, cursor: s.cursor, status: s.status, kind: s.kind, memberId: s.memberId, dueAfter: s.dueFrom ? addDays(s.dueFrom, -1) : undefined, dueBefore: s.dueTo ? addDays(s.dueTo, 1) : undefined });
}

export interface PaymentsSearch {
  q?: string;
  cursor?: string;
  method?: PaymentMethod;
  memberId?: string;
  receivedFrom?: string;
  receivedTo?: string;
}
export function paymentsSearch(raw: Record<string, unknown>): PaymentsSearch {
  return compact({ q: text(raw.q), cursor: text(raw.cursor, 500), method: oneOf(PAYMENT_METHODS, raw.method), memberId: uuid(raw.memberId), receivedFrom: day(raw.receivedFrom), receivedTo: day(raw.receivedTo) });
}

export interface StatementsSearch {
  cursor?: string;
  memberId?: string;
}
export function statementsSearch(raw: Record<string, unknown>): StatementsSearch {
  return compact({ cursor: text(raw.cursor, 500), memberId: uuid(raw.memberId) });
}

export interface ReportSearch {
  asOf?: string;
  from?: string;
  to?: string;
  groupBy?: 'member' | 'unit' | 'property';
}
export function reportSearch(raw: Record<string, unknown>): ReportSearch {
  return compact({ asOf: day(raw.asOf), from: day(raw.from), to: day(raw.to), groupBy: oneOf(['member', 'unit', 'property'] as const, raw.groupBy) });
}
