import { principalOf, readScope, type TenantContext } from '../../../kernel/context.js';
import { dateIn, todayIn } from '../../../kernel/dates.js';
import { AppError, notFound, type FieldError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { safeTotal, sumExact } from '../../../kernel/money.js';
import { SealedBox } from '../../../kernel/security/sealed-box.js';
import { existingMembers, memberContacts } from '../../members/index.js';
import { chargesByIds, memberBalance, openCharges } from '../ledger/index.js';
import type { Charge } from '../ledger/index.js';
import { lockMember } from '../ledger/index.js';
import type { FinanceOptions } from '../options.js';
import { recordPayment } from '../ledger/index.js';
import { recordAudit } from '../../audit/index.js';
import { ProviderRequestError, WebhookSignatureError, type PaymentProvider, type ProviderCredentials, type ProviderEvent, type ProviderName } from '../../../kernel/payments/provider.js';
import { ProviderRepository, type ProviderRow, type SessionRow } from './providers.repository.js';
import type { CheckoutSession, CreateCheckoutSession, PutStripeSettings, StripeSettings, WebhookReceipt } from './providers.schemas.js';
import { StripeProvider } from '../../../kernel/payments/stripe.provider.js';

export const WEBHOOK_PATH = '/api/v1/finance/providers/stripe/webhook';

/** Metadata keys on the provider's session; the webhook reads them back. */
const META = {
  tenant: 'courtyard_tenant_id',
  member: 'courtyard_member_id',
  session: 'courtyard_session_id',
  scope: 'courtyard_scope',
  charges: 'courtyard_charge_ids',
} as const;
// Stripe keeps metadata values to 500 characters: 13 comma-separated UUIDs fit in one.
const IDS_PER_VALUE = 13;

const last4 = (secret: string) => secret.slice(-4);
const modeOf = (secretKey: string): 'test' | 'live' => (secretKey.includes('_live_') ? 'live' : 'test');

/** Charge ids spread over `courtyard_charge_ids`, `courtyard_charge_ids_2`, … */
function chargeIdsMetadata(ids: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i * IDS_PER_VALUE < ids.length; i++) out[i === 0 ? META.charges : `${META.charges}_${i + 1}`] = ids.slice(i * IDS_PER_VALUE, (i + 1) * IDS_PER_VALUE).join(',');
  return out;
}

function chargeIdsFrom(metadata: Record<string, string>): string[] {
  const ids: string[] = [];
  for (let i = 1; ; i++) {
    const value = metadata[i === 1 ? META.charges : `${META.charges}_${i}`];
    if (value === undefined) return ids;
    ids.push(...value.split(',').filter((s) => s.length > 0));
  }
}

/**
 * Card payments: a tenant's provider settings (keys sealed at rest), checkout sessions for a
 * member's balance or chosen charges, and the provider's signed notifications recorded as
 * payments exactly once.
 */
export class CardPayments {
  readonly #box: SealedBox | null;
  readonly #options: FinanceOptions;
  readonly #provider: PaymentProvider;

  constructor(options: FinanceOptions, provider?: PaymentProvider) {
    this.#options = options;
    this.#box = options.sealingSecret ? new SealedBox(options.sealingSecret, 'finance payment provider secrets') : null;
    this.#provider = provider ?? new StripeProvider({ apiUrl: options.stripeApiUrl, now: options.now });
  }

  #sealer(): SealedBox {
    if (!this.#box) throw new AppError('not_ready', 'Card payments need the platform sealing secret, which this process was not given');
    return this.#box;
  }

  // A sealed value opens only in the row it was sealed for: tenant and provider.
  #context = (ctx: TenantContext, provider: ProviderName) => `finance_payment_providers:${ctx.tenant.id}:${provider}`;

  #open(ctx: TenantContext, row: ProviderRow): ProviderCredentials | null {
    try {
      return this.#sealer().open<ProviderCredentials>(row.secretsSealed, this.#context(ctx, row.provider));
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The platform secret changed since the keys were sealed: they must be entered again.
      return null;
    }
  }

  #credentials(ctx: TenantContext, row: ProviderRow): ProviderCredentials {
    const credentials = this.#open(ctx, row);
    if (!credentials) throw new AppError(financeErrors.stripe_keys_unreadable, 'The stored Stripe keys cannot be opened (the platform secret changed): a manager enters them again with PUT /finance/providers/stripe');
    return credentials;
  }

  #view(ctx: TenantContext, row: ProviderRow | undefined): StripeSettings {
    const base = this.#options.tenantUrl?.(ctx.tenant) ?? '';
    const credentials = row ? this.#open(ctx, row) : null;
    return {
      provider: 'stripe',
      enabled: row?.enabled ?? false,
      mode: credentials ? modeOf(credentials.secretKey) : null,
      secretKey: { set: row?.secretKeyLast4 != null, last4: row?.secretKeyLast4 ?? null },
      webhookSecret: { set: row?.webhookSecretLast4 != null, last4: row?.webhookSecretLast4 ?? null },
      // Without a known address, the path form names the tenant: any of the tenant's hosts serves it.
      webhookUrl: base ? `${base}${WEBHOOK_PATH}` : `/t/${ctx.tenant.slug}${WEBHOOK_PATH}`,
      webhookEvents: [...this.#provider.webhookEvents],
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async getSettings(ctx: TenantContext): Promise<StripeSettings> {
    return this.#view(ctx, await new ProviderRepository(ctx.db).settings('stripe'));
  }

  /** Sets the keys and the switch; a key left out keeps the stored one (both are needed the first time). */
  async putSettings(ctx: TenantContext, input: PutStripeSettings): Promise<StripeSettings> {
    const principal = principalOf(ctx);
    const repo = new ProviderRepository(ctx.db);
    await repo.lockSettings(ctx.tenant.id, 'stripe');
    const existing = await repo.settings('stripe', true);
    const stored = existing ? this.#open(ctx, existing) : null;
    const secretKey = input.secretKey ?? stored?.secretKey;
    const webhookSecret = input.webhookSecret ?? stored?.webhookSecret;
    const missing: FieldError[] = [];
    const why = existing ? 'the stored key cannot be opened any more (the platform secret changed): send it again' : 'is needed the first time Stripe is set up';
    if (!secretKey) missing.push({ field: 'secretKey', message: why });
    if (!webhookSecret) missing.push({ field: 'webhookSecret', message: why });
    if (!secretKey || !webhookSecret) throw new AppError('validation_failed', 'Both Stripe keys are needed', { errors: missing });
    const sealed = this.#sealer().seal({ secretKey, webhookSecret } satisfies ProviderCredentials, this.#context(ctx, 'stripe'));
    await repo.saveSettings(ctx.tenant.id, 'stripe', { sealed, secretKeyLast4: last4(secretKey), webhookSecretLast4: last4(webhookSecret), enabled: input.enabled, updatedBy: principal.userId });
    const view = this.#view(ctx, await repo.settings('stripe'));
    // Never the keys themselves: whether they changed is what an audit needs.
    const change = {
      provider: 'stripe',
      enabled: view.enabled,
      mode: view.mode,
      secretKeyChanged: input.secretKey !== undefined && input.secretKey !== stored?.secretKey,
      webhookSecretChanged: input.webhookSecret !== undefined && input.webhookSecret !== stored?.webhookSecret,
    };
    await emit(ctx, 'payment_provider.updated', { ...change, updatedBy: principal.userId });
    await recordAudit(ctx, { action: 'finance.provider.keys_set', target: { type: 'payment_provider', id: 'stripe' }, details: change });
    return view;
  }

  /**
   * Opens a checkout at the provider for the member's whole balance (in its one currency) or
   * for chosen open charges; the amount is what the ledger says they owe now. A portal member
   * pays only for themselves: any other member is "not found", as in every portal read.
   */
  async createCheckout(ctx: TenantContext, input: CreateCheckoutSession): Promise<CheckoutSession> {
    const principal = principalOf(ctx);
    const own = readScope(ctx, 'finance.write');
    if (own && own.memberId !== input.memberId) throw notFound('The member');
    const repo = new ProviderRepository(ctx.db);
    const [member] = await memberContacts(ctx.db, [input.memberId]);
    if (!member) throw notFound('The member');
    const settings = await repo.settings('stripe');
    if (!settings?.enabled) throw new AppError(financeErrors.card_payments_disabled, 'Card payments are not enabled for this tenant: a manager sets up Stripe with PUT /finance/providers/stripe');
    const credentials = this.#credentials(ctx, settings);

    const name = `${member.firstName} ${member.lastName}`;
    let scope: 'balance' | 'charges';
    let currency: string;
    let amount: number;
    let lineItems: { name: string; amount: number }[];
    let charges: { chargeId: string; amount: number }[];
    if (input.chargeIds) {
      const chosen = await this.#chosenCharges(ctx, input.memberId, input.chargeIds);
      scope = 'charges';
      currency = chosen[0]!.currency;
      charges = chosen.map((c) => ({ chargeId: c.id, amount: c.outstanding }));
      amount = safeTotal(sumExact(charges.map((c) => c.amount)), 'amount to pay');
      lineItems = chosen.map((c) => ({ name: c.description, amount: c.outstanding }));
    } else {
      const owing = (await memberBalance(ctx, input.memberId, todayIn(ctx.tenant.timeZone, this.#now()))).filter((b) => b.balance > 0);
      if (owing.length === 0) throw new AppError(financeErrors.nothing_owed, `${name} owes nothing today: there is nothing to pay`);
      if (owing.length > 1) {
        throw new AppError('validation_failed', `${name} owes in ${owing.map((b) => b.currency).join(' and ')}; a checkout is in one currency: choose chargeIds`, {
          errors: [{ field: 'chargeIds', message: `are needed: the balance is in ${owing.length} currencies` }],
        });
      }
      scope = 'balance';
      currency = owing[0]!.currency;
      amount = owing[0]!.balance;
      lineItems = [{ name: `Account balance of ${name}`, amount }];
      // What was open when the session opened, for the record; the payment settles oldest due first.
      charges = (await openCharges(ctx, input.memberId, currency)).filter((c) => c.outstanding > 0).map((c) => ({ chargeId: c.id, amount: c.outstanding }));
    }

    const id = newId();
    const metadata: Record<string, string> = {
      [META.tenant]: ctx.tenant.id,
      [META.member]: input.memberId,
      [META.session]: id,
      [META.scope]: scope,
      ...(scope === 'charges' ? chargeIdsMetadata(charges.map((c) => c.chargeId)) : {}),
    };
    let created;
    try {
      created = await this.#provider.createCheckout(credentials, { sessionId: id, amount, currency, lineItems, customerEmail: member.email, metadata, successUrl: input.successUrl, cancelUrl: input.cancelUrl });
    } catch (error) {
      if (!(error instanceof ProviderRequestError)) throw error;
      ctx.log.warn({ err: error, provider: this.#provider.name }, 'the payment provider refused or failed a checkout');
      if (error.kind === 'unavailable') throw new AppError('not_ready', `${error.message}; try again shortly`);
      throw new AppError(financeErrors.provider_refused, error.kind === 'credentials' ? `${error.message}. A manager checks the key with PUT /finance/providers/stripe` : error.message);
    }
    const row = { id, provider: this.#provider.name, providerSessionId: created.providerSessionId, memberId: input.memberId, scope, amount, currency, url: created.url, expiresAt: created.expiresAt };
    await repo.insertSession(ctx.tenant.id, { ...row, createdBy: principal.userId, charges });
    return this.#session((await repo.findSession(id))!, charges);
  }

  /**
   * One checkout session and what became of it: the portal's return page reads it until the
   * provider's webhook has recorded the payment (`completed`, with `paymentId`), so it never
   * says "paid" on the provider's redirect alone. A portal member sees only their own.
   */
  async getCheckout(ctx: TenantContext, id: string): Promise<CheckoutSession> {
    const own = readScope(ctx, 'finance.read');
    const repo = new ProviderRepository(ctx.db);
    const row = await repo.findSession(id);
    if (!row || (own && row.memberId !== own.memberId)) throw notFound('The checkout session');
    return this.#session(row, await repo.sessionCharges(id));
  }

  async #chosenCharges(ctx: TenantContext, memberId: string, ids: string[]): Promise<Charge[]> {
    const found = new Map((await chargesByIds(ctx, ids)).map((c) => [c.id, c]));
    const chosen = ids.map((id, i) => {
      const charge = found.get(id);
      if (!charge || charge.memberId !== memberId) throw new AppError('not_found', `The charge ${id} was not found for this member`, { errors: [{ field: `chargeIds.${i}`, message: 'is not a charge of this member' }] });
      if (charge.outstanding <= 0) throw new AppError(financeErrors.charge_owes_nothing, `The charge ${id} is ${charge.status} and owes nothing`, { errors: [{ field: `chargeIds.${i}`, message: 'owes nothing' }] });
      return charge;
    });
    const currencies = [...new Set(chosen.map((c) => c.currency))];
    if (currencies.length > 1) {
      throw new AppError('validation_failed', `The charges are in ${currencies.join(' and ')}; a checkout is in one currency`, { errors: [{ field: 'chargeIds', message: 'must all be in one currency' }] });
    }
    return chosen;
  }

  #session(row: SessionRow, charges: { chargeId: string; amount: number }[]): CheckoutSession {
    return { ...row, charges };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /**
   * A provider notification, on the tenant its URL names. Nothing is trusted before the
   * signature over the exact bytes is verified with the tenant's webhook secret; then a paid
   * checkout becomes one payment, however often the provider delivers the event (the session
   * row is locked, and the payment is unique per provider event). A refusal records nothing.
   */
  async receiveWebhook(ctx: TenantContext, rawBody: unknown, headers: Record<string, string | string[] | undefined>): Promise<WebhookReceipt> {
    if (!Buffer.isBuffer(rawBody) || rawBody.length === 0) throw new AppError('validation_failed', 'Send the Stripe event as the JSON body', { errors: [{ field: 'body', message: 'is empty' }] });
    const repo = new ProviderRepository(ctx.db);
    const settings = await repo.settings('stripe');
    if (!settings) throw new AppError('validation_failed', 'Stripe is not set up for this tenant: there is no webhook secret to verify the event with', { errors: [{ field: 'stripe-signature', message: 'cannot be verified' }] });
    let event: ProviderEvent;
    try {
      event = this.#provider.verifyWebhook(rawBody, headers, this.#credentials(ctx, settings));
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      ctx.log.warn({ reason: error.message }, 'refused a Stripe webhook with a bad signature');
      throw new AppError('validation_failed', error.message, { errors: [{ field: 'stripe-signature', message: error.message }] });
    }
    const ignored = { received: true as const, outcome: 'ignored' as const, paymentId: null };
    if (event.kind === 'ignored') return ignored;
    // A session Courtyard did not open (the tenant's Stripe account has other uses): none of ours.
    const tenantId = event.metadata[META.tenant];
    if (tenantId === undefined) return ignored;
    if (tenantId !== ctx.tenant.id) {
      ctx.log.warn({ eventId: event.eventId, providerSessionId: event.providerSessionId }, "refused a Stripe event of another tenant's checkout");
      throw new AppError('validation_failed', "The checkout session belongs to another tenant: this endpoint records only this tenant's payments (check the webhook URL at Stripe)", {
        errors: [{ field: `data.object.metadata.${META.tenant}`, message: 'names another tenant' }],
      });
    }
    const session = await repo.lockSession(this.#provider.name, event.providerSessionId);

    if (event.kind === 'checkout.pending') return { received: true, outcome: 'pending', paymentId: null };
    if (event.kind === 'checkout.closed') {
      if (session) await repo.closeSession(session.id, event.reason);
      return { received: true, outcome: 'closed', paymentId: null };
    }
    if (session?.paymentId) return { received: true, outcome: 'already_recorded', paymentId: session.paymentId };
    if (!(event.amount > 0) || !/^[A-Z]{3}$/.test(event.currency)) return ignored;

    // The session row is ours and authoritative; without it (its transaction failed after
    // Stripe opened the session) the metadata Stripe kept says the same, and the money is real.
    const memberId = session?.memberId ?? event.metadata[META.member];
    if (!memberId || !(await existingMembers(ctx.db, [memberId])).has(memberId)) {
      throw new AppError('validation_failed', 'The checkout session names a member this tenant does not have', { errors: [{ field: `data.object.metadata.${META.member}`, message: 'is not a member of this tenant' }] });
    }
    const scope = session?.scope ?? (event.metadata[META.scope] === 'charges' ? 'charges' : 'balance');
    await lockMember(ctx, memberId);
    let allocations: { chargeId: string }[] | null = null;
    if (scope === 'charges') {
      const ids = session ? (await repo.sessionCharges(session.id)).map((c) => c.chargeId) : chargeIdsFrom(event.metadata);
      const still = new Map((await chargesByIds(ctx, ids)).map((c) => [c.id, c]));
      // A chosen charge settled meanwhile (a transfer arrived too) is skipped; what is left stays as credit.
      allocations = ids.filter((id) => {
        const c = still.get(id);
        return c !== undefined && c.memberId === memberId && c.currency === event.currency && c.outstanding > 0;
      }).map((chargeId) => ({ chargeId }));
    }
    const result = await recordPayment(ctx, {
      memberId,
      method: 'card',
      amount: event.amount,
      currency: event.currency,
      // The day it was paid on the tenant's calendar.
      receivedOn: dateIn(ctx.tenant.timeZone, event.paidAt),
      reference: event.paymentReference,
      payer: event.payer,
      allocations,
      provider: { name: this.#provider.name, eventId: event.eventId },
    });
    if (session) await repo.completeSession(session.id, result.payment.id, event.eventId);
    if (!result.created) return { received: true, outcome: 'already_recorded', paymentId: result.payment.id };
    await emit(ctx, 'payment.card_received', {
      paymentId: result.payment.id,
      memberId,
      amount: event.amount,
      currency: event.currency,
      provider: this.#provider.name,
      providerEventId: event.eventId,
      providerSessionId: event.providerSessionId,
      checkoutSessionId: session?.id ?? null,
      allocations: result.allocations.map((a) => ({ chargeId: a.chargeId, amount: a.amount })),
    });
    return { received: true, outcome: 'recorded', paymentId: result.payment.id };
  }
}
