import { createHmac, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/**
 * Authenticator-app codes (TOTP, RFC 6238) and recovery codes, as both planes use them: the
 * tenants' users (data/identity/two-step) and the platform operators (control/auth). Storage,
 * throttling and audit stay with each plane.
 */

/** The authenticator apps' defaults (SHA-1, 6 digits, 30 s); one step either side for clock drift. */
export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
// Recovery codes avoid look-alike characters (no 0/o, 1/l); 32 symbols, so a byte maps evenly.
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (issuer: string, label: string, secret: string): string => generateURI({ issuer, label, secret, period: TOTP_PERIOD });

/**
 * The time step of a right code later than `lastStep` (so that no code is accepted twice), or
 * null for a wrong, expired or replayed one.
 */
export async function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_PERIOD, period: TOTP_PERIOD, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** A code as typed, without spaces and dashes, in lower case. */
export const compactCode = (code: string): string => code.replace(/[\s-]/g, '').toLowerCase();
/** Six digits are an authenticator's code; ten symbols a recovery code. */
export const isTotpCode = (compact: string): boolean => /^\d{6}$/.test(compact);
export const isRecoveryCode = (compact: string): boolean => compact.length === 10;

/** Ten new recovery codes, as shown to the user (`abcde-fghij`). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % 32]).join('');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/**
 * Recovery codes are kept as keyed hashes, so that a copy of the database alone cannot try
 * codes offline; `owner` binds a hash to its user.
 */
export class RecoveryCodeHasher {
  readonly #key: Buffer;
  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('courtyard recovery codes v1').digest();
  }
  hash(owner: string, compact: string): string {
    return createHmac('sha256', this.#key).update(`${owner}:${compact}`).digest('hex');
  }
}
