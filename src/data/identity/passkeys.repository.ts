import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { ChallengePurpose, PasskeysTables } from './passkeys.tables.js';

export interface PasskeyRow {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  rpId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface PasskeyChallengeRow {
  id: string;
  userId: string | null;
  purpose: ChallengePurpose;
  challenge: string;
  expiresAt: Date;
  consumedAt: Date | null;
}

const columns = ['id', 'userId', 'credentialId', 'publicKey', 'counter', 'transports', 'name', 'deviceType', 'backedUp', 'rpId', 'createdAt', 'lastUsedAt'] as const;
const row = (r: Omit<PasskeyRow, 'counter'> & { counter: string | number }): PasskeyRow => ({ ...r, counter: Number(r.counter) });

/** SQL for passkeys. Runs inside the tenant transaction: RLS scopes every statement, so a credential of another tenant is never found. */
export class PasskeysRepository {
  private readonly db: Kysely<PasskeysTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async ofUser(userId: string): Promise<PasskeyRow[]> {
    return (await this.db.selectFrom('passkeys').select(columns).where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute()).map(row);
  }

  async countOfUser(userId: string): Promise<number> {
    const r = await this.db.selectFrom('passkeys').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The credential with this id, locked until the transaction ends (its counter is checked and moved under the lock). */
  async byCredentialId(credentialId: string): Promise<PasskeyRow | undefined> {
    const r = await this.db.selectFrom('passkeys').select(columns).where('credentialId', '=', credentialId).forUpdate().executeTakeFirst();
    return r ? row(r) : undefined;
  }

  async insert(tenantId: string, p: Omit<PasskeyRow, 'id' | 'createdAt' | 'lastUsedAt'>): Promise<PasskeyRow | undefined> {
    const r = await this.db.insertInto('passkeys').values({ tenantId, id: newId(), ...p }).onConflict((oc) => oc.columns(['tenantId', 'credentialId']).doNothing()).returning(columns).executeTakeFirst();
    return r ? row(r) : undefined;
  }

  /** Records a use: the new signature counter and the time. */
  async used(id: string, counter: number, now: Date): Promise<void> {
    await this.db.updateTable('passkeys').set({ counter, lastUsedAt: now }).where('id', '=', id).execute();
  }

  /** Deletes a passkey of this user; false when the user has none with this id. */
  async delete(userId: string, id: string): Promise<PasskeyRow | undefined> {
    const r = await this.db.deleteFrom('passkeys').where('userId', '=', userId).where('id', '=', id).returning(columns).executeTakeFirst();
    return r ? row(r) : undefined;
  }

  async insertChallenge(tenantId: string, c: { userId: string | null; purpose: ChallengePurpose; challenge: string; expiresAt: Date }): Promise<void> {
    await this.db.insertInto('passkeyChallenges').values({ tenantId, id: newId(), ...c }).execute();
  }

  /**
   * Spends a challenge: answers it when it was unspent (whatever its age and purpose, which the
   * caller checks), so that a second answer to the same challenge finds nothing.
   */
  async spendChallenge(challenge: string, now: Date): Promise<PasskeyChallengeRow | undefined> {
    return this.db
      .updateTable('passkeyChallenges')
      .set({ consumedAt: now })
      .where('challenge', '=', challenge)
      .where('consumedAt', 'is', null)
      .returning(['id', 'userId', 'purpose', 'challenge', 'expiresAt', 'consumedAt'])
      .executeTakeFirst();
  }

  /** Deletes at most `limit` challenges that expired or were spent before `cutoff`; how many. */
  async pruneChallenges(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('passkeyChallenges')
      .where('id', 'in', (eb) => eb.selectFrom('passkeyChallenges').select('id').where((w) => w.or([w('expiresAt', '<', cutoff), w('consumedAt', '<', cutoff)])).limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
