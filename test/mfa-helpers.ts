import { generate } from 'otplib';
import type { TestPlatform } from './helpers.js';

/** Two-step sign-in as a client does it, for the tests of step-up actions (finance.approve). */

/** The authenticator app's code for `secret` at `at` (now unless told). */
export const totpCode = (secret: string, at: Date = new Date()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** The access token's claims (not verified: the server made it). */
export const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Enrols an authenticator app for the signed-in user of `token`; answers its secret and recovery codes. */
export async function enrolTotp(t: TestPlatform, tenant: string, token: string, at?: Date): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.call('POST', '/api/v1/me/mfa/totp', { token, tenant });
  if (started.statusCode !== 200) throw new Error(`enrolment did not start: ${started.statusCode} ${started.body}`);
  const { secret } = started.json() as { secret: string };
  const confirmed = await t.call('POST', '/api/v1/me/mfa/totp/confirm', { token, tenant, body: { code: await totpCode(secret, at) } });
  if (confirmed.statusCode !== 200) throw new Error(`enrolment was not confirmed: ${confirmed.statusCode} ${confirmed.body}`);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

/**
 * An access token of the same session that allows step-up actions for 15 minutes: enrols the
 * user and steps up with a recovery code, which, unlike a TOTP code, needs no wait for the
 * next 30-second step. `at`: the platform's clock, when a test moves it.
 */
export async function steppedUp(t: TestPlatform, tenant: string, token: string, at?: Date): Promise<string> {
  const code = (await enrolTotp(t, tenant, token, at)).recoveryCodes[0]!;
  const res = await t.call('POST', '/api/v1/auth/step-up', { token, tenant, body: { code } });
  if (res.statusCode !== 200) throw new Error(`step-up failed: ${res.statusCode} ${res.body}`);
  return res.json().accessToken as string;
}
