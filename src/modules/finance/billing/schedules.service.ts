import type { TenantContext } from '../../../kernel/context.js';
import { violates } from '../../../kernel/db/constraints.js';
import { AppError, notFound, type FieldError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import { BillingSourcesRepository } from './billing.sources.js';
import type { CreateSchedule, ListSchedulesQuery, Schedule, UpdateSchedule } from './billing.schemas.js';
import { SchedulesRepository, type ScheduleFields } from './schedules.repository.js';

export const PLACEHOLDERS = ['schedule', 'period', 'periodStart', 'periodEnd', 'unit', 'property'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const DEFAULT_DESCRIPTION: Record<Schedule['kind'], string> = {
  levy: '{schedule} {period}: {unit}',
  rent: 'Rent {periodStart} to {periodEnd}: {unit}',
};

/** The template with its placeholders filled in; unknown ones are refused when the schedule is written. */
export function renderDescription(template: string, values: Record<Placeholder, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * A schedule's fields checked together, naming every bad field at once. A levy needs its
 * property and budget; rent takes amount, currency, frequency and due day from each lease, so
 * a rent schedule refuses them rather than ignore them.
 */
function check(f: ScheduleFields, given: { budget?: unknown; frequency?: unknown; dueDay?: unknown; renterSplit?: unknown }): void {
  const errors: FieldError[] = [];
  if (f.kind === 'levy') {
    if (f.propertyId === null) errors.push({ field: 'propertyId', message: 'is required for a levy: the property whose units share it' });
    if (f.amount === null) errors.push({ field: 'budget', message: 'is required for a levy: the amount of one period' });
    if (f.currency !== null && !CURRENCIES.has(f.currency)) errors.push({ field: 'budget.currency', message: 'is not an ISO 4217 currency code' });
    if (given.renterSplit !== undefined) errors.push({ field: 'renterSplit', message: 'is for rent schedules only' });
  } else {
    for (const field of ['budget', 'frequency', 'dueDay'] as const) {
      if (given[field] !== undefined) errors.push({ field, message: 'is for levies only: rent takes it from each lease' });
    }
  }
  const unknown = [...f.description.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) errors.push({ field: 'description', message: `has unknown placeholders ${unknown.map((p) => `{${p}}`).join(', ')}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
  if (f.endPeriod !== null && f.endPeriod < f.startPeriod) errors.push({ field: 'endPeriod', message: `must not be before the start period ${f.startPeriod}` });
  if (errors.length > 0) throw new AppError('validation_failed', 'The schedule has invalid fields', { errors });
}

/**
 * Two rent schedules covering one lease would each bill it. Charges are keyed by lease and
 * period, not by schedule, so the second would find the first's charges, but a different
 * renter split could still charge other renters: overlapping rent schedules are refused.
 */
async function checkRentOverlap(ctx: TenantContext, repo: SchedulesRepository, f: ScheduleFields, id: string | null): Promise<void> {
  await repo.lockRentSchedules(ctx.tenant.id);
  const others = await repo.rentSchedules(id);
  if (others.length === 0) return;
  const sources = new BillingSourcesRepository(ctx.db);
  // `a` covers `b`'s property: tenant-wide, the same property, or an ancestor of it with its sub-properties.
  const covers = async (a: { propertyId: string | null; includeSubProperties: boolean }, b: { propertyId: string | null }) => {
    if (a.propertyId === null || b.propertyId === null) return true;
    if (a.propertyId === b.propertyId) return true;
    return a.includeSubProperties && (await sources.ancestry(b.propertyId)).includes(a.propertyId);
  };
  for (const other of others) {
    if ((await covers(f, other)) || (await covers(other, f))) {
      throw new AppError(financeErrors.schedule_overlap, `The rent schedule “${other.name}” already covers some of these leases: one rent schedule per lease`, {
        conflictingScheduleId: other.id,
        errors: [{ field: 'propertyId', message: `overlaps the rent schedule ${other.id}` }],
      });
    }
  }
}

/** Turns a reference to a property the tenant does not have into a 404 that says so. */
async function referencingProperty<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violates(error, 'finance_schedules_property_fkey')) {
      throw new AppError('not_found', 'The property was not found', { errors: [{ field: 'propertyId', message: 'is not a property of this tenant' }] });
    }
    throw error;
  }
}

const cursorOf = (s: Schedule) => [s.name, s.id];

export async function listSchedules(ctx: TenantContext, query: ListSchedulesQuery & { limit: number }) {
  const rows = await new SchedulesRepository(ctx.db).list(query, decodeCursor(query.cursor, ['string', 'uuid']));
  return pageOf(rows, query.limit, cursorOf);
}

export async function getSchedule(ctx: TenantContext, id: string): Promise<Schedule> {
  const schedule = await new SchedulesRepository(ctx.db).find(id);
  if (!schedule) throw notFound('The schedule');
  return schedule;
}

export async function createSchedule(ctx: TenantContext, input: CreateSchedule): Promise<Schedule> {
  const levy = input.kind === 'levy';
  const fields: ScheduleFields = {
    kind: input.kind,
    name: input.name,
    propertyId: input.propertyId ?? null,
    // Participation shares are per property (its own units sum to 1); a rent roll reads the whole tree.
    includeSubProperties: input.includeSubProperties ?? !levy,
    amount: levy ? (input.budget?.amount ?? null) : null,
    currency: levy ? (input.budget?.currency ?? null) : null,
    frequency: levy ? (input.frequency ?? 'monthly') : null,
    dueDay: levy ? (input.dueDay ?? 1) : null,
    renterSplit: levy ? null : (input.renterSplit ?? 'lead'),
    description: input.description ?? DEFAULT_DESCRIPTION[input.kind],
    startPeriod: input.startPeriod,
    endPeriod: input.endPeriod ?? null,
    active: input.active ?? true,
  };
  check(fields, input);
  const repo = new SchedulesRepository(ctx.db);
  if (!levy) await checkRentOverlap(ctx, repo, fields, null);
  const schedule = await referencingProperty(() => repo.insert(ctx.tenant.id, fields));
  await emit(ctx, 'billing_schedule.created', schedule);
  return schedule;
}

/**
 * Changes apply to runs from now on; charges already made stay as they were (a month already
 * billed is not billed again, whatever the schedule says now).
 */
export async function updateSchedule(ctx: TenantContext, id: string, patch: UpdateSchedule): Promise<Schedule> {
  const repo = new SchedulesRepository(ctx.db);
  const current = await repo.lock(id);
  if (!current) throw notFound('The schedule');
  const fields: ScheduleFields = {
    kind: current.kind,
    name: patch.name ?? current.name,
    propertyId: patch.propertyId !== undefined ? patch.propertyId : current.propertyId,
    includeSubProperties: patch.includeSubProperties ?? current.includeSubProperties,
    amount: current.kind === 'levy' ? (patch.budget?.amount ?? current.budget?.amount ?? null) : null,
    currency: current.kind === 'levy' ? (patch.budget?.currency ?? current.budget?.currency ?? null) : null,
    frequency: current.kind === 'levy' ? (patch.frequency ?? current.frequency) : null,
    dueDay: current.kind === 'levy' ? (patch.dueDay ?? current.dueDay) : null,
    renterSplit: current.kind === 'rent' ? (patch.renterSplit ?? current.renterSplit) : null,
    description: patch.description ?? current.description,
    startPeriod: patch.startPeriod ?? current.startPeriod,
    endPeriod: patch.endPeriod !== undefined ? patch.endPeriod : current.endPeriod,
    active: patch.active ?? current.active,
  };
  check(fields, patch);
  if (current.kind === 'rent') await checkRentOverlap(ctx, repo, fields, id);
  const schedule = (await referencingProperty(() => repo.update(id, fields)))!;
  await emit(ctx, 'billing_schedule.updated', { ...schedule, changed: Object.keys(patch) });
  return schedule;
}

/** Removes a schedule; the charges it made stay (they are the ledger's), and so do the runs that made them. */
export async function deleteSchedule(ctx: TenantContext, id: string): Promise<void> {
  if (!(await new SchedulesRepository(ctx.db).delete(id))) throw notFound('The schedule');
  await emit(ctx, 'billing_schedule.deleted', { id });
}
