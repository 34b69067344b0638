import type { Db } from '../../kernel/db/tables.js';
import { escapeHtml } from '../../kernel/http/html.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { formatMoment } from '../../kernel/i18n/format.js';
import { shippedLocale } from '../../kernel/i18n/locale.js';
import type { JobDefinition } from '../../kernel/jobs/job.js';
import type { Mailer } from '../../kernel/mail/mailer.js';
import { checkPassword, type PasswordContext } from '../../kernel/security/password-policy.js';
import { hashPassword } from '../../kernel/security/passwords.js';
import { hashToken, newRefreshToken } from '../../kernel/security/tokens.js';
import { appendAudit } from '../audit.js';
import { fill, operatorResetMail } from './messages/operator-mail.js';
import { PlatformUsersRepository } from './platform-users.repository.js';

/** The job that e-mails an operator a reset link; sent for every request, known address or not. */
export const OPERATOR_RESET_JOB = 'control.password-reset';
const RESET_TOKEN_SECONDS = 3600;

/** What an operator's password may not contain besides their e-mail name. */
export const operatorPasswordContext = (email: string): PasswordContext => ({ email, names: ['courtyard'] });

/** The console's web address for links in operators' e-mail: the base domain's, or `http://localhost:{port}` in development. */
export const consoleUrlFor = (baseDomain: string, port: number): string => `${baseDomain === 'localhost' ? `http://localhost:${port}` : `https://${baseDomain}`}/console`;

export interface OperatorResetDeps {
  db: Db;
  mailer: Mailer;
  from: string;
  /** Where the console is: the link leads to `{consoleUrl}/reset-password`. */
  consoleUrl: string;
}

/**
 * Looks the address up and, for an active operator, issues a token (only its hash is kept) and
 * e-mails the link. The request only queued this job, the same work for any address, so its
 * answer tells nothing about which exist. A retried run issues a fresh link; every link of the
 * hour works until one of them is used.
 */
export function operatorResetJob(deps: OperatorResetDeps): JobDefinition<{ email: string; locale?: string }> {
  return {
    name: OPERATOR_RESET_JOB,
    retry: { limit: 5, delaySeconds: 30 },
    leaseSeconds: 120,
    async handler(job, ctx) {
      const users = new PlatformUsersRepository(deps.db);
      const user = await users.findByEmail(job.data.email);
      if (!user || user.status !== 'active') return;
      const expiresAt = new Date(ctx.now().getTime() + RESET_TOKEN_SECONDS * 1000);
      const { token, hash } = newRefreshToken();
      await users.insertResetToken(user.id, hash, expiresAt);
      const link = `${deps.consoleUrl}/reset-password#token=${encodeURIComponent(token)}`;
      // Operators keep no language of their own: the one their browser asked for.
      const locale = shippedLocale(job.data.locale) ?? 'en';
      const mail = operatorResetMail[locale];
      const values = { name: user.name, link, until: formatMoment(expiresAt, locale) };
      const id = newId();
      await deps.mailer.send({
        id,
        messageId: `<${id}@${deps.from.split('@')[1]}>`,
        from: { name: mail.from, address: deps.from },
        to: { name: user.name, address: user.email },
        subject: mail.subject,
        text: fill(mail.text, values),
        html: fill(mail.html, values, escapeHtml),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      ctx.log.info({ platformUser: user.id }, 'operator password reset e-mail sent');
    },
  };
}


/** Spends an operator's reset token, sets the password and ends every session; returns whose it was. */
export async function confirmOperatorReset(db: Db, token: string, password: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const users = new PlatformUsersRepository(trx);
    const now = new Date();
    const userId = await users.consumeResetToken(hashToken(token), now);
    const user = userId ? await users.find(userId) : undefined;
    // Unknown, expired and spent tokens get one answer; a refused password rolls the spending back.
    if (!user || user.status !== 'active') throw new AppError('invalid_token', 'The reset link is not valid: it may have expired or been used already');
    checkPassword(password, operatorPasswordContext(user.email));
    await users.setPassword(user.id, await hashPassword(password));
    await users.revokeResetTokens(user.id, now);
    await users.revokeSessions(user.id, now);
    await appendAudit(trx, { actor: `platform:${user.id}`, action: 'platform_user.password_reset' });
    return user.id;
  });
}
