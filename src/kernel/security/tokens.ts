import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../errors.js';

export type Audience = 'courtyard:control' | 'courtyard:tenant';

export interface AccessClaims {
  /** The user id. */
  sub: string;
  aud: Audience;
  /** The tenant id, for tenant users. */
  tid?: string;
  /** Role keys held when the token was issued. */
  roles: string[];
  /** The refresh-token family (the session) this token belongs to. */
  sid: string;
  /** The member a tenant user is linked to (a portal login), when it is. */
  mid?: string;
  /** How the session was signed in (RFC 8176: `pwd`, and `otp` once a second factor was given). */
  amr?: string[];
  /** When the session was signed in (seconds since the epoch). */
  auth_time?: number;
  /** When the session last gave a second factor (seconds since the epoch): what a step-up checks. */
  mfa_time?: number;
  /** The user has two-step sign-in enrolled (a step-up then asks for a code, not an enrolment). */
  mfa_enrolled?: boolean;
  exp: number;
}

/** Short-lived access tokens (HS256 JWTs); refresh tokens are opaque and kept hashed. */
export class TokenService {
  // A CryptoKey imported once: given the secret's bytes, jose imports them again for every
  // signature it makes or checks (about half of a cold request's token check).
  readonly #key: Promise<webcrypto.CryptoKey>;
  // Verified tokens by their exact text: a hit skips the HMAC. The text is the signed token,
  // so a hit is the same claims; expiry is still checked on every use.
  readonly #verified = new Map<string, AccessClaims>();

  constructor(secret: string, readonly accessTtl: number) {
    this.#key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    // A secret that cannot be a key fails the first token made or checked, not the process.
    this.#key.catch(() => undefined);
  }

  async issueAccess(claims: Omit<AccessClaims, 'exp'>): Promise<{ token: string; expiresIn: number }> {
    const factors = { ...(claims.amr ? { amr: claims.amr } : {}), ...(claims.auth_time ? { auth_time: claims.auth_time } : {}), ...(claims.mfa_time ? { mfa_time: claims.mfa_time } : {}), ...(claims.mfa_enrolled ? { mfa_enrolled: true } : {}) };
    const jwt = new SignJWT({ roles: claims.roles, sid: claims.sid, ...(claims.tid ? { tid: claims.tid } : {}), ...(claims.mid ? { mid: claims.mid } : {}), ...factors })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setAudience(claims.aud)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtl}s`);
    return { token: await jwt.sign(await this.#key), expiresIn: this.accessTtl };
  }

  async verifyAccess(token: string, audience: Audience): Promise<AccessClaims> {
    const known = this.#verified.get(token);
    if (known && known.aud === audience && known.exp > Date.now() / 1000) return known;
    try {
      const { payload } = await jwtVerify(token, await this.#key, { audience, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !Array.isArray(payload.roles)) throw new Error('bad claims');
      const claims = payload as unknown as AccessClaims;
      if (this.#verified.size >= 50_000) this.#verified.clear();
      this.#verified.set(token, claims);
      return claims;
    } catch (error) {
      const detail = error instanceof joseErrors.JWTExpired ? 'The access token has expired' : 'The access token is not valid';
      throw new AppError('unauthenticated', detail);
    }
  }
}

/** An opaque refresh token and the hash we keep of it. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
