import type { FastifyBaseLogger as Logger } from 'fastify';
import type { DunningSchedule } from '../../kernel/config.js';
import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { emitControl } from '../events.js';
import type { DunningStage } from './billing.tables.js';
import { documentNumber, invoiceEventData } from './invoice-run.js';
import { InvoicesRepository, type InvoiceRow } from './invoices.repository.js';
import { DAY_MS } from './periods.js';
import { proportion } from './pricing.js';
import { setStanding, type StandingDeps } from './standing.js';

const PAGE = 200;

export interface CollectionDeps extends StandingDeps {
  db: Db;
  schedule: DunningSchedule;
  now: () => Date;
}

/** Where a tenant stands when its oldest unpaid invoice is `days` overdue (null: not overdue). */
export function standingFor(schedule: DunningSchedule, days: number | null): { stage: DunningStage | null; status: 'active' | 'past_due' } {
  if (days === null || days < 0) return { stage: null, status: 'active' };
  if (days >= schedule.suspend) return { stage: 'suspended', status: 'past_due' };
  if (days >= schedule.readOnly) return { stage: 'read_only', status: 'past_due' };
  if (days >= schedule.pastDue) return { stage: 'grace', status: 'past_due' };
  return { stage: schedule.remind.some((d) => d <= days) ? 'reminded' : null, status: 'active' };
}

/** Whole days since an invoice fell due (negative before). */
export const daysOverdue = (now: Date, dueAt: Date | string) => Math.floor((now.getTime() - new Date(dueAt).getTime()) / DAY_MS);

/**
 * Getting the platform's invoices paid: payments (by card, recorded from the provider's
 * webhook, or by bank transfer, marked by an operator), credit notes, and dunning on the
 * configured schedule. A tenant's standing always follows its oldest unpaid invoice, so paying
 * restores it at once, in the payment's own transaction.
 */
interface Payment {
  via: 'card' | 'bank_transfer';
  reference: string | null;
  at?: Date;
}

export class Collection {
  constructor(private readonly deps: CollectionDeps) {}

  /**
   * Records the payment of an open invoice; a second payment of it is refused (409), never
   * recorded twice. A provider's event (`eventId`) is taken in the same transaction, so a
   * redelivered event records nothing (null) and a failed one is taken by none.
   */
  async markPaid(ctx: ControlContext, invoiceId: string, payment: Payment): Promise<InvoiceRow>;
  async markPaid(ctx: ControlContext, invoiceId: string, payment: Payment & { eventId: string }): Promise<InvoiceRow | null>;
  async markPaid(ctx: ControlContext, invoiceId: string, payment: Payment & { eventId?: string }): Promise<InvoiceRow | null> {
    const paid = await ctx.db.transaction().execute(async (trx) => {
      const invoices = new InvoicesRepository(trx);
      if (payment.eventId !== undefined && !(await invoices.takePaymentEvent(payment.eventId, invoiceId))) return null;
      const invoice = await invoices.find(invoiceId, true);
      if (!invoice || invoice.kind !== 'invoice') throw new AppError('not_found', 'The invoice was not found');
      if (invoice.status !== 'open') throw new AppError('invalid_state', invoice.status === 'paid' ? 'The invoice is paid already' : 'The invoice is void');
      const row = (await invoices.markPaid(invoiceId, { via: payment.via, reference: payment.reference, at: payment.at ?? this.deps.now() }))!;
      await appendAudit(trx, { actor: ctx.actor, action: 'invoice.paid', target: invoice.tenantId, data: { invoice: invoice.number, via: payment.via, reference: payment.reference } });
      await emitControl(trx, 'invoice.paid', invoice.tenantId, { ...invoiceEventData(row), paidVia: payment.via });
      await this.#restand({ ...ctx, db: trx }, invoice.tenantId);
      return row;
    });
    if (paid) this.deps.onChange(paid.tenantId);
    return paid;
  }

  /**
   * Issues a credit note against an invoice, for `amountMinor` (tax included) or all that is
   * not credited yet: the invoice itself never changes, but what is still owed does. An open
   * invoice credited in full is void.
   */
  async creditNote(ctx: ControlContext, invoiceId: string, input: { amountMinor?: number; reason: string }): Promise<InvoiceRow> {
    const note = await ctx.db.transaction().execute(async (trx) => {
      const invoices = new InvoicesRepository(trx);
      const invoice = await invoices.find(invoiceId, true);
      if (!invoice || invoice.kind !== 'invoice') throw new AppError('not_found', 'The invoice was not found');
      const left = Number(invoice.totalMinor) - Number(invoice.creditedMinor);
      const amount = input.amountMinor ?? left;
      if (invoice.status === 'void' || left === 0) throw new AppError('invalid_state', 'The invoice is credited in full already');
      if (amount <= 0 || amount > left) throw new AppError('validation_failed', 'The credit is more than the invoice has left', { errors: [{ field: 'amountMinor', message: `must be between 1 and ${left}` }] });
      // The credit carries the invoice's tax rate: its subtotal is the amount without the tax.
      const subtotal = Number(proportion(BigInt(amount), 10_000, 10_000 + invoice.taxRateBp));
      const issuedAt = this.deps.now();
      const number = documentNumber('CN', issuedAt, await invoices.nextNumber(`CN-${issuedAt.getUTCFullYear()}`));
      const row = await invoices.insert({
        id: newId(),
        tenantId: invoice.tenantId,
        number,
        kind: 'credit_note',
        corrects: invoice.id,
        planKey: invoice.planKey,
        periodStart: null,
        periodEnd: null,
        status: 'issued',
        currency: invoice.currency,
        lines: [{ kind: 'base', description: `Credit for ${invoice.number}: ${input.reason}`, meter: null, quantity: 1, unitAmountMinor: subtotal, flatAmountMinor: 0, amountMinor: subtotal, usage: null }],
        subtotalMinor: subtotal,
        taxRateBp: invoice.taxRateBp,
        taxMinor: amount - subtotal,
        totalMinor: amount,
        billTo: invoice.billTo,
        issuedAt,
        dueAt: issuedAt,
      });
      const credited = await invoices.credit(invoice.id, amount, issuedAt);
      await appendAudit(trx, { actor: ctx.actor, action: 'invoice.credited', target: invoice.tenantId, data: { invoice: invoice.number, creditNote: number, amountMinor: amount, reason: input.reason } });
      await emitControl(trx, 'credit_note.issued', invoice.tenantId, { ...invoiceEventData(row), corrects: invoice.id });
      if (credited.status === 'void') await emitControl(trx, 'invoice.voided', invoice.tenantId, invoiceEventData(credited));
      await this.#restand({ ...ctx, db: trx }, invoice.tenantId);
      return row;
    });
    this.deps.onChange(note.tenantId);
    return note;
  }

  /** The daily dunning pass: each tenant with an overdue invoice moves to the stage its oldest one has reached, and is reminded on the schedule's days. */
  async dunning(log: Logger): Promise<{ tenants: number; reminders: number }> {
    const now = this.deps.now();
    let reminders = 0;
    let tenants = 0;
    let after = 0;
    for (;;) {
      const overdue = (await new InvoicesRepository(this.deps.db).overdueTenants(now, PAGE + after)).slice(after);
      if (overdue.length === 0) break;
      after += overdue.length;
      for (const { tenantId } of overdue) {
        try {
          const changed = await this.deps.db.transaction().execute(async (trx) => {
            reminders += await this.#remind(trx, tenantId, now);
            return this.#restand({ db: trx, actor: 'system:billing', log }, tenantId);
          });
          if (changed) {
            tenants++;
            this.deps.onChange(tenantId);
          }
        } catch (error) {
          log.error({ err: error, tenant: tenantId }, 'dunning failed for the tenant');
        }
      }
    }
    if (tenants + reminders > 0) log.info({ tenants, reminders }, 'dunning pass');
    return { tenants, reminders };
  }

  /** Emits the reminders the schedule owes for each of the tenant's overdue invoices (the mail goes through the outbox). */
  async #remind(db: Db, tenantId: string, now: Date): Promise<number> {
    const invoices = new InvoicesRepository(db);
    let sent = 0;
    for (const invoice of await invoices.openOf(tenantId)) {
      const days = daysOverdue(now, invoice.dueAt);
      if (days < 0) continue;
      const owed = this.deps.schedule.remind.filter((d) => d <= days).length;
      if (invoice.remindersSent >= owed) continue;
      await invoices.countReminder(invoice.id);
      await emitControl(db, 'invoice.reminder', tenantId, { ...invoiceEventData(invoice), daysOverdue: days, reminder: invoice.remindersSent + 1 });
      sent++;
    }
    return sent;
  }

  /** Sets the tenant's standing from its oldest unpaid invoice. */
  async #restand(ctx: ControlContext, tenantId: string): Promise<boolean> {
    const oldest = (await new InvoicesRepository(ctx.db).openOf(tenantId))[0];
    const { stage, status } = standingFor(this.deps.schedule, oldest ? daysOverdue(this.deps.now(), oldest.dueAt) : null);
    return setStanding(ctx, this.deps, tenantId, stage, status);
  }
}
