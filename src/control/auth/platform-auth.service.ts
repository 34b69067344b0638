import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { AnyDB } from '../../kernel/db/database.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { generatePassword, hashPassword, verifyDecoy, verifyPassword } from '../../kernel/security/passwords.js';
import { RefreshTokens } from '../../kernel/security/refresh-tokens.js';
import type { TokenService } from '../../kernel/security/tokens.js';
import { appendAudit } from '../audit.js';

/** Sign-in for platform operators (the control plane). */
export class PlatformAuthService {
  constructor(
    private readonly db: Kysely<AnyDB>,
    private readonly tokens: TokenService,
    private readonly refreshTtl: number,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Creates the first platform administrator if there is none. Returns the generated
   * password when none was configured, so that the caller prints it once.
   */
  async bootstrap(email: string, password: string | undefined, log: Logger): Promise<{ created: boolean; generatedPassword?: string }> {
    const existing = await this.db.selectFrom('control.platform_users').select('id').limit(1).executeTakeFirst();
    if (existing) return { created: false };
    const chosen = password ?? generatePassword();
    const inserted = await this.db
      .insertInto('control.platform_users')
      .values({ id: newId(), email, name: 'Platform administrator', password_hash: await hashPassword(chosen) })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { created: false };
    await appendAudit(this.db, { actor: 'system', action: 'platform_user.bootstrapped', target: email });
    log.info({ email }, 'created the platform administrator');
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  #refresh(db: Kysely<AnyDB>) {
    return new RefreshTokens(db, 'control.refresh_tokens', this.refreshTtl);
  }

  async #pair(userId: string, familyId: string, refreshToken: string) {
    const access = await this.tokens.issueAccess({ sub: userId, aud: 'courtyard:control', roles: ['platform_admin'], sid: familyId });
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  }

  async login(ip: string, email: string, password: string) {
    const account = `platform:${email.toLowerCase()}`;
    await this.throttle.attempt(ip, account);
    const user = await this.db
      .selectFrom('control.platform_users')
      .select(['id', 'password_hash', 'status'])
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    const ok = user ? await verifyPassword(user.password_hash, password) : await verifyDecoy(password);
    if (!user || !ok) {
      await this.throttle.failed(account);
      throw new AppError('invalid_credentials');
    }
    if (user.status !== 'active') throw new AppError('account_disabled');
    await this.throttle.succeeded(account);
    return this.db.transaction().execute(async (trx) => {
      await trx.updateTable('control.platform_users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
      await appendAudit(trx, { actor: `platform:${user.id}`, action: 'platform_user.signed_in', data: { ip } });
      const { token, familyId } = await this.#refresh(trx).start(user.id);
      return this.#pair(user.id, familyId, token);
    });
  }

  async refresh(refreshToken: string) {
    // No transaction: a replay's revocation must stick even though the call fails.
    const next = await this.#refresh(this.db).rotate(refreshToken);
    return this.#pair(next.userId, next.familyId, next.token);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.#refresh(this.db).revoke(refreshToken);
  }
}
