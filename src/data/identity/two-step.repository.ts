import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { IdentityTables } from './identity.tables.js';
import type { TwoStepTables } from './two-step.tables.js';

type Tables = TwoStepTables & IdentityTables;

export interface TotpRow {
  secretSealed: string;
  confirmedAt: Date | null;
  lastStep: number | null;
}

export interface ChallengeRow {
  id: string;
  userId: string;
  purpose: 'sign_in' | 'enrol';
  expiresAt: Date;
  consumedAt: Date | null;
  failures: number;
}

/** SQL for two-step sign-in. Runs inside the tenant transaction: RLS scopes every statement. */
export class TwoStepRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async totp(userId: string): Promise<TotpRow | undefined> {
    const row = await this.db.selectFrom('totpFactors').select(['secretSealed', 'confirmedAt', 'lastStep']).where('userId', '=', userId).executeTakeFirst();
    return row ? { ...row, lastStep: row.lastStep === null ? null : Number(row.lastStep) } : undefined;
  }

  /** A new pending authenticator, replacing a pending one (never a confirmed one: the caller checked). */
  async putPendingTotp(tenantId: string, userId: string, secretSealed: string): Promise<void> {
    await this.db
      .insertInto('totpFactors')
      .values({ tenantId, userId, secretSealed })
      .onConflict((oc) => oc.columns(['tenantId', 'userId']).doUpdateSet({ secretSealed, confirmedAt: null, lastStep: null, createdAt: new Date() }))
      .execute();
  }

  /**
   * Records `step` as the last accepted time step, only if it is later than the one kept: false
   * when another request accepted this step (or a later one) first, which makes the code a replay.
   */
  async acceptStep(userId: string, step: number, confirmAt?: Date): Promise<boolean> {
    const rows = await this.db
      .updateTable('totpFactors')
      .set({ lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', step)]))
      .returning('userId')
      .execute();
    return rows.length > 0;
  }

  async deleteTotp(userId: string): Promise<void> {
    await this.db.deleteFrom('totpFactors').where('userId', '=', userId).execute();
    await this.db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
  }

  async replaceRecoveryCodes(tenantId: string, userId: string, hashes: string[]): Promise<void> {
    await this.db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
    await this.db.insertInto('recoveryCodes').values(hashes.map((codeHash) => ({ tenantId, id: newId(), userId, codeHash }))).execute();
  }

  /** Spends an unused recovery code of the user, atomically; false when there is none with this hash. */
  async spendRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await this.db.updateTable('recoveryCodes').set({ usedAt: now }).where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).returning('id').execute();
    return rows.length > 0;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const row = await this.db.selectFrom('recoveryCodes').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertChallenge(tenantId: string, c: { userId: string; purpose: ChallengeRow['purpose']; hash: string; expiresAt: Date }): Promise<void> {
    await this.db.insertInto('mfaChallenges').values({ tenantId, id: newId(), userId: c.userId, purpose: c.purpose, tokenHash: c.hash, expiresAt: c.expiresAt }).execute();
  }

  /** The challenge with this token hash, locked until the transaction ends (its failures are counted under the lock). */
  challenge(hash: string): Promise<ChallengeRow | undefined> {
    return this.db.selectFrom('mfaChallenges').select(['id', 'userId', 'purpose', 'expiresAt', 'consumedAt', 'failures']).where('tokenHash', '=', hash).forUpdate().executeTakeFirst();
  }

  async consumeChallenge(id: string, now: Date): Promise<void> {
    await this.db.updateTable('mfaChallenges').set({ consumedAt: now }).where('id', '=', id).execute();
  }

  /** Counts a wrong code; the challenge ends (is consumed) at `limit` failures. The new count. */
  async failChallenge(id: string, limit: number, now: Date): Promise<number> {
    const row = await this.db
      .updateTable('mfaChallenges')
      .set((eb) => ({ failures: eb('failures', '+', 1), consumedAt: sql<Date | null>`CASE WHEN failures + 1 >= ${limit} THEN ${now}::timestamptz ELSE consumed_at END` }))
      .where('id', '=', id)
      .returning('failures')
      .executeTakeFirstOrThrow();
    return row.failures;
  }

  /** Deletes at most `limit` challenges that expired or were spent before `cutoff`; how many. */
  async pruneChallenges(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('mfaChallenges')
      .where('id', 'in', (eb) => eb.selectFrom('mfaChallenges').select('id').where((w) => w.or([w('expiresAt', '<', cutoff), w('consumedAt', '<', cutoff)])).limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Deletes at most `limit` session factors whose session ended before `now`: no token of the
   * family is still unrevoked and unexpired (the test the session list applies). How many.
   */
  async pruneEndedSessionFactors(now: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessionFactors')
      .where('familyId', 'in', (eb) =>
        eb
          .selectFrom('sessionFactors as f')
          .select('f.familyId')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('refreshTokens as t')
                  .select('t.id')
                  .whereRef('t.familyId', '=', 'f.familyId')
                  .where('t.revokedAt', 'is', null)
                  .where('t.expiresAt', '>', now)
                  .where('t.sessionExpiresAt', '>', now),
              ),
            ),
          )
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async startSession(tenantId: string, s: { familyId: string; userId: string; amr: string[]; authTime: Date; mfaAt: Date | null }): Promise<void> {
    await this.db.insertInto('sessionFactors').values({ tenantId, ...s }).execute();
  }

  sessionFactors(familyId: string): Promise<{ amr: string[]; authTime: Date; mfaAt: Date | null } | undefined> {
    return this.db.selectFrom('sessionFactors').select(['amr', 'authTime', 'mfaAt']).where('familyId', '=', familyId).executeTakeFirst();
  }

  /** A second factor was given in this session now (a step-up); `amr` is what the session's tokens say from now on. */
  async steppedUp(tenantId: string, familyId: string, userId: string, now: Date, amr: string[] = ['pwd', 'otp']): Promise<void> {
    await this.db
      .insertInto('sessionFactors')
      .values({ tenantId, familyId, userId, amr, authTime: now, mfaAt: now })
      .onConflict((oc) => oc.columns(['tenantId', 'familyId']).doUpdateSet({ amr, mfaAt: now }))
      .execute();
  }

  async requiredRoles(): Promise<string[]> {
    return (await this.db.selectFrom('twoStepSettings').select('requiredRoles').executeTakeFirst())?.requiredRoles ?? [];
  }

  async setRequiredRoles(tenantId: string, roles: string[]): Promise<void> {
    await this.db
      .insertInto('twoStepSettings')
      .values({ tenantId, requiredRoles: roles })
      .onConflict((oc) => oc.column('tenantId').doUpdateSet({ requiredRoles: roles, updatedAt: new Date() }))
      .execute();
  }
}
