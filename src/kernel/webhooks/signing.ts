import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the secret is `whsec_` and
 * base64 of random bytes; a signature is `v1,` and base64 of HMAC-SHA256, keyed with the
 * decoded secret, of `{webhook-id}.{webhook-timestamp}.{body}`.
 */
export const SECRET_PREFIX = 'whsec_';
/** After a rotation the previous secret keeps signing, next to the new one, this long. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** One `v1,<base64>` signature. `timestamp` is in whole seconds since the epoch. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The secrets that sign at `now`: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(keys: SigningKeys, now: Date): string[] {
  const previousActive = keys.previousSecret !== null && keys.previousSecretExpiresAt !== null && keys.previousSecretExpiresAt.getTime() > now.getTime();
  return previousActive ? [keys.secret, keys.previousSecret!] : [keys.secret];
}

/** The three Standard Webhooks headers of one message; several signatures are space-separated. */
export function webhookHeaders(keys: SigningKeys, id: string, now: Date, body: string): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signingSecrets(keys, now).map((s) => sign(s, id, timestamp, body)).join(' '),
  };
}
