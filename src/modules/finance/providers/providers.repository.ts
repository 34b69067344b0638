import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { ProviderName } from './provider.js';

export interface ProviderRow {
  provider: ProviderName;
  secrets_sealed: string;
  secret_key_last4: string | null;
  webhook_secret_last4: string | null;
  enabled: boolean;
  updated_at: Date;
}

export interface SessionRow {
  id: string;
  provider: ProviderName;
  provider_session_id: string;
  member_id: string;
  scope: 'balance' | 'charges';
  amount: number;
  currency: string;
  url: string;
  status: 'open' | 'completed' | 'expired' | 'failed';
  expires_at: Date | null;
  payment_id: string | null;
  created_at: Date;
}

const sessionColumns = ['id', 'provider', 'provider_session_id', 'member_id', 'scope', 'amount', 'currency', 'url', 'status', 'expires_at', 'payment_id', 'created_at'] as const;

/** SQL of card payments: provider settings and checkout sessions; runs inside the tenant transaction. */
export class ProviderRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async settings(provider: ProviderName, forUpdate = false): Promise<ProviderRow | undefined> {
    let q = this.db.selectFrom('finance_payment_providers').select(['provider', 'secrets_sealed', 'secret_key_last4', 'webhook_secret_last4', 'enabled', 'updated_at']).where('provider', '=', provider);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async saveSettings(tenantId: string, provider: ProviderName, values: { sealed: string; secretKeyLast4: string; webhookSecretLast4: string; enabled: boolean; updatedBy: string | null }): Promise<void> {
    const row = {
      secrets_sealed: values.sealed,
      secret_key_last4: values.secretKeyLast4,
      webhook_secret_last4: values.webhookSecretLast4,
      enabled: values.enabled,
      updated_by: values.updatedBy,
      updated_at: new Date(),
    };
    await this.db
      .insertInto('finance_payment_providers')
      .values({ tenant_id: tenantId, provider, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider']).doUpdateSet(row))
      .execute();
  }

  /** Serialises changes of one tenant's provider settings (the first PUT inserts; two must not race). */
  async lockSettings(tenantId: string, provider: ProviderName): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:provider:${tenantId}:${provider}`}, 0))`.execute(this.db);
  }

  async insertSession(tenantId: string, s: Omit<SessionRow, 'status' | 'payment_id' | 'created_at'> & { createdBy: string | null; charges: { chargeId: string; amount: number }[] }): Promise<void> {
    await this.db
      .insertInto('finance_checkout_sessions')
      .values({
        tenant_id: tenantId,
        id: s.id,
        provider: s.provider,
        provider_session_id: s.provider_session_id,
        member_id: s.member_id,
        scope: s.scope,
        amount: s.amount,
        currency: s.currency,
        url: s.url,
        expires_at: s.expires_at,
        created_by: s.createdBy,
      })
      .execute();
    if (s.charges.length === 0) return;
    await this.db
      .insertInto('finance_checkout_session_charges')
      .values(s.charges.map((c, position) => ({ tenant_id: tenantId, session_id: s.id, position, charge_id: c.chargeId, amount: c.amount })))
      .execute();
  }

  /** The session the provider's event names, locked: deliveries of one session's events take turns. */
  async lockSession(provider: ProviderName, providerSessionId: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('finance_checkout_sessions').select(sessionColumns).where('provider', '=', provider).where('provider_session_id', '=', providerSessionId).forUpdate().executeTakeFirst();
  }

  async findSession(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('finance_checkout_sessions').select(sessionColumns).where('id', '=', id).executeTakeFirst();
  }

  async sessionCharges(sessionId: string): Promise<{ chargeId: string; amount: number }[]> {
    const rows = await this.db.selectFrom('finance_checkout_session_charges').select(['charge_id', 'amount']).where('session_id', '=', sessionId).orderBy('position').execute();
    return rows.map((r: { charge_id: string; amount: number }) => ({ chargeId: r.charge_id, amount: Number(r.amount) }));
  }

  async completeSession(id: string, paymentId: string, eventId: string): Promise<void> {
    await this.db.updateTable('finance_checkout_sessions').set({ status: 'completed', payment_id: paymentId, provider_event_id: eventId, completed_at: new Date() }).where('id', '=', id).execute();
  }

  async closeSession(id: string, status: 'expired' | 'failed'): Promise<void> {
    await this.db.updateTable('finance_checkout_sessions').set({ status }).where('id', '=', id).where('status', '=', 'open').execute();
  }
}
