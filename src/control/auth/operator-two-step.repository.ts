import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { ControlTables } from '../control.tables.js';

export interface OperatorTotpRow {
  secretSealed: string;
  confirmedAt: Date | null;
  lastStep: number | null;
}

export interface OperatorChallengeRow {
  id: string;
  userId: string;
  purpose: 'sign_in' | 'enrol';
  expiresAt: Date;
  consumedAt: Date | null;
}

export interface SessionFactorsRow {
  amr: string[];
  authTime: Date;
  mfaAt: Date | null;
}

/** SQL for platform operators' two-step sign-in (control migration 0014). */
export class OperatorTwoStepRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async totp(userId: string): Promise<OperatorTotpRow | undefined> {
    const row = await this.db.selectFrom('control.operatorTotp').select(['secretSealed', 'confirmedAt', 'lastStep']).where('userId', '=', userId).executeTakeFirst();
    return row ? { ...row, lastStep: row.lastStep === null ? null : Number(row.lastStep) } : undefined;
  }

  /** A new pending authenticator, replacing a pending one (never a confirmed one: the caller checked). */
  async putPendingTotp(userId: string, secretSealed: string): Promise<void> {
    await this.db
      .insertInto('control.operatorTotp')
      .values({ userId, secretSealed })
      .onConflict((oc) => oc.column('userId').doUpdateSet({ secretSealed, confirmedAt: null, lastStep: null, createdAt: new Date() }))
      .execute();
  }

  /** Records `step` as the last accepted time step if it is later than the one kept: false makes the code a replay. */
  async acceptStep(userId: string, step: number, confirmAt?: Date): Promise<boolean> {
    const rows = await this.db
      .updateTable('control.operatorTotp')
      .set({ lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', step)]))
      .returning('userId')
      .execute();
    return rows.length > 0;
  }

  async deleteTotp(userId: string): Promise<void> {
    await this.db.deleteFrom('control.operatorTotp').where('userId', '=', userId).execute();
    await this.db.deleteFrom('control.operatorRecoveryCodes').where('userId', '=', userId).execute();
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await this.db.deleteFrom('control.operatorRecoveryCodes').where('userId', '=', userId).execute();
    await this.db.insertInto('control.operatorRecoveryCodes').values(hashes.map((codeHash) => ({ id: newId(), userId, codeHash }))).execute();
  }

  /** Spends an unused recovery code, atomically; false when there is none with this hash. */
  async spendRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await this.db.updateTable('control.operatorRecoveryCodes').set({ usedAt: now }).where('userId', '=', userId).where('codeHash', '=', codeHash).where('usedAt', 'is', null).returning('id').execute();
    return rows.length > 0;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const row = await this.db.selectFrom('control.operatorRecoveryCodes').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A new challenge; the operator's spent or expired ones go with it, so they never pile up. */
  async insertChallenge(c: { userId: string; purpose: OperatorChallengeRow['purpose']; hash: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.db
      .deleteFrom('control.operatorMfaChallenges')
      .where('userId', '=', c.userId)
      .where((eb) => eb.or([eb('expiresAt', '<', now), eb('consumedAt', 'is not', null)]))
      .execute();
    await this.db.insertInto('control.operatorMfaChallenges').values({ id: newId(), userId: c.userId, purpose: c.purpose, tokenHash: c.hash, expiresAt: c.expiresAt }).execute();
  }

  /** The challenge with this token hash, locked until the transaction ends (its failures are counted under the lock). */
  challenge(hash: string): Promise<OperatorChallengeRow | undefined> {
    return this.db.selectFrom('control.operatorMfaChallenges').select(['id', 'userId', 'purpose', 'expiresAt', 'consumedAt']).where('tokenHash', '=', hash).forUpdate().executeTakeFirst();
  }

  async consumeChallenge(id: string, now: Date): Promise<void> {
    await this.db.updateTable('control.operatorMfaChallenges').set({ consumedAt: now }).where('id', '=', id).execute();
  }

  /** Counts a wrong code; the challenge ends at `limit` failures. The new count. */
  async failChallenge(id: string, limit: number, now: Date): Promise<number> {
    const row = await this.db
      .updateTable('control.operatorMfaChallenges')
      .set((eb) => ({ failures: eb('failures', '+', 1), consumedAt: sql<Date | null>`CASE WHEN failures + 1 >= ${limit} THEN ${now}::timestamptz ELSE consumed_at END` }))
      .where('id', '=', id)
      .returning('failures')
      .executeTakeFirstOrThrow();
    return row.failures;
  }

  /** A session starts: its factors, and the factors of the operator's sessions that have ended go. */
  async startSession(s: { familyId: string; userId: string; amr: string[]; authTime: Date; mfaAt: Date | null }, now: Date): Promise<void> {
    await this.db
      .deleteFrom('control.operatorSessionFactors as f')
      .where('f.userId', '=', s.userId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('control.refreshTokens as t').select('t.id').whereRef('t.familyId', '=', 'f.familyId').where('t.revokedAt', 'is', null).where('t.expiresAt', '>', now).where('t.sessionExpiresAt', '>', now))),
      )
      .execute();
    await this.db.insertInto('control.operatorSessionFactors').values(s).execute();
  }

  sessionFactors(familyId: string): Promise<SessionFactorsRow | undefined> {
    return this.db.selectFrom('control.operatorSessionFactors').select(['amr', 'authTime', 'mfaAt']).where('familyId', '=', familyId).executeTakeFirst();
  }

  /** A second factor was given in this session now (a step-up). */
  async steppedUp(familyId: string, userId: string, now: Date): Promise<void> {
    const amr = ['pwd', 'otp'];
    await this.db
      .insertInto('control.operatorSessionFactors')
      .values({ familyId, userId, amr, authTime: now, mfaAt: now })
      .onConflict((oc) => oc.column('familyId').doUpdateSet({ amr, mfaAt: now }))
      .execute();
  }
}
