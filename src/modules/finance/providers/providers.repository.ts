import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb, type FinanceTables } from '../finance.tables.js';
import type { ProviderName } from '../../../kernel/payments/provider.js';

const settingsColumns = ['provider', 'secretsSealed', 'secretKeyLast4', 'webhookSecretLast4', 'enabled', 'updatedAt'] as const;
const sessionColumns = ['id', 'provider', 'providerSessionId', 'memberId', 'scope', 'amount', 'currency', 'url', 'status', 'expiresAt', 'paymentId', 'createdAt'] as const;

export type ProviderRow = { [K in (typeof settingsColumns)[number]]: Selectable<FinanceTables['financePaymentProviders']>[K] };
export type SessionRow = { [K in (typeof sessionColumns)[number]]: Selectable<FinanceTables['financeCheckoutSessions']>[K] };

/** SQL of card payments: provider settings and checkout sessions; runs inside the tenant transaction. */
export class ProviderRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  async settings(provider: ProviderName, forUpdate = false): Promise<ProviderRow | undefined> {
    let q = this.db.selectFrom('financePaymentProviders').select(settingsColumns).where('provider', '=', provider);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async saveSettings(tenantId: string, provider: ProviderName, values: { sealed: string; secretKeyLast4: string; webhookSecretLast4: string; enabled: boolean; updatedBy: string | null }): Promise<void> {
    const row = {
      secretsSealed: values.sealed,
      secretKeyLast4: values.secretKeyLast4,
      webhookSecretLast4: values.webhookSecretLast4,
      enabled: values.enabled,
      updatedBy: values.updatedBy,
      updatedAt: new Date(),
    };
    await this.db
      .insertInto('financePaymentProviders')
      .values({ tenantId, provider, ...row })
      .onConflict((oc) => oc.columns(['tenantId', 'provider']).doUpdateSet(row))
      .execute();
  }

  /** Serialises changes of one tenant's provider settings (the first PUT inserts; two must not race). */
  async lockSettings(tenantId: string, provider: ProviderName): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:provider:${tenantId}:${provider}`}, 0))`.execute(this.db);
  }

  async insertSession(tenantId: string, { charges, ...s }: Omit<SessionRow, 'status' | 'paymentId' | 'createdAt'> & { createdBy: string | null; charges: { chargeId: string; amount: number }[] }): Promise<void> {
    await this.db.insertInto('financeCheckoutSessions').values({ tenantId, ...s }).execute();
    if (charges.length === 0) return;
    await this.db
      .insertInto('financeCheckoutSessionCharges')
      .values(charges.map((c, position) => ({ tenantId, sessionId: s.id, position, chargeId: c.chargeId, amount: c.amount })))
      .execute();
  }

  /** The session the provider's event names, locked: deliveries of one session's events take turns. */
  async lockSession(provider: ProviderName, providerSessionId: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('financeCheckoutSessions').select(sessionColumns).where('provider', '=', provider).where('providerSessionId', '=', providerSessionId).forUpdate().executeTakeFirst();
  }

  async findSession(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('financeCheckoutSessions').select(sessionColumns).where('id', '=', id).executeTakeFirst();
  }

  async sessionCharges(sessionId: string): Promise<{ chargeId: string; amount: number }[]> {
    return this.db.selectFrom('financeCheckoutSessionCharges').select(['chargeId', 'amount']).where('sessionId', '=', sessionId).orderBy('position').execute();
  }

  async completeSession(id: string, paymentId: string, eventId: string): Promise<void> {
    await this.db.updateTable('financeCheckoutSessions').set({ status: 'completed', paymentId, providerEventId: eventId, completedAt: new Date() }).where('id', '=', id).execute();
  }

  async closeSession(id: string, status: 'expired' | 'failed'): Promise<void> {
    await this.db.updateTable('financeCheckoutSessions').set({ status }).where('id', '=', id).where('status', '=', 'open').execute();
  }
}
