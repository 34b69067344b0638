import { generateKeyPairSync } from 'node:crypto';
import { CompactSign, compactVerify, importPKCS8, importSPKI } from 'jose';

type Key = Awaited<ReturnType<typeof importSPKI>>;
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { CACHE_MAX_ENTRIES, Lru } from '../lru.js';

export interface LicenceLimits {
  /** null: unlimited. */
  members: number | null;
  /** Absent on plans made before units were limited: unlimited. */
  units?: number | null;
  /** Custom objects, their fields (all objects' together) and their records; absent: unlimited. */
  objects?: number | null;
  objectFields?: number | null;
  objectRecords?: number | null;
  users: number | null;
  storageMb: number | null;
  /** Requests per minute per principal, and per tenant; absent or null: the platform's default. */
  apiRatePerPrincipal?: number | null;
  apiRatePerTenant?: number | null;
}

export interface LicenceClaims {
  iss: 'courtyard';
  /** licence id */
  jti: string;
  /** tenant id */
  sub: string;
  tenant: string;
  plan: string;
  modules: string[];
  limits: LicenceLimits;
  iat: number;
  nbf: number;
  exp: number;
  /** Seconds the licence keeps working after `exp`. */
  grace: number;
  /**
   * The tenant has not paid (dunning): its data can be read, not changed. Absent on the
   * licences of tenants in good standing.
   */
  readOnly?: true;
}

export type LicenceState = 'valid' | 'grace';

export interface VerifiedLicence {
  claims: LicenceClaims;
  state: LicenceState;
}

const TYP = 'courtyard-licence+jwt';

export function generateLicenceKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Signs licences (control plane only: it alone holds the private key). */
export class LicenceSigner {
  private constructor(private readonly key: Key) {}

  static async fromPem(privateKeyPem: string): Promise<LicenceSigner> {
    return new LicenceSigner(await importPKCS8(privateKeyPem, 'EdDSA'));
  }

  async sign(claims: Omit<LicenceClaims, 'iss' | 'jti' | 'iat'> & { iat?: number }): Promise<{ jws: string; claims: LicenceClaims }> {
    const full: LicenceClaims = { iss: 'courtyard', jti: newId(), iat: Math.floor(Date.now() / 1000), ...claims };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(full)))
      .setProtectedHeader({ alg: 'EdDSA', typ: TYP })
      .sign(this.key);
    return { jws, claims: full };
  }
}

/** A licence as the registry hands it over: its id (the `jti` it claims) and the signed text. */
export interface StoredLicence {
  id?: string | null;
  jws: string | null | undefined;
}

/**
 * Verifies licences offline with the public key alone. Refuses a licence whose signature
 * does not verify (tampered, or signed by another key), one issued for another tenant, one
 * not yet valid, and one past its expiry plus grace.
 *
 * The signature is checked once per licence issued: the verified claims are kept by their
 * `jti` with the exact text they were verified from, so a later licence is verified afresh and
 * a tampered text that keeps the id is not mistaken for the one verified. Dates are checked on
 * every call. The cache is bounded (least recently used out first); a licence never changes,
 * so nothing needs to invalidate it.
 */
export class LicenceVerifier {
  readonly #byId = new Lru<string, { jws: string; claims: LicenceClaims }>(CACHE_MAX_ENTRIES);

  private constructor(
    private readonly key: Key,
    private readonly clock: () => Date,
  ) {}

  static async fromPem(publicKeyPem: string, clock: () => Date = () => new Date()): Promise<LicenceVerifier> {
    return new LicenceVerifier(await importSPKI(publicKeyPem, 'EdDSA'), clock);
  }

  /** `licence`: its text, or the registry's row (its id saves reading the id from the text). */
  async verify(licence: StoredLicence | string | null | undefined, tenantId: string, now = this.clock().getTime()): Promise<VerifiedLicence> {
    const stored = typeof licence === 'object' && licence !== null ? licence : { jws: licence };
    const { jws } = stored;
    if (!jws) throw new AppError('licence_invalid', 'The tenant has no licence');
    const id = stored.id ?? unverifiedId(jws);
    const known = id ? this.#byId.get(id) : undefined;
    let claims = known?.jws === jws ? known.claims : undefined;
    if (!claims) {
      try {
        const { payload, protectedHeader } = await compactVerify(jws, this.key, { algorithms: ['EdDSA'] });
        if (protectedHeader.typ !== TYP) throw new Error('not a licence');
        claims = JSON.parse(new TextDecoder().decode(payload)) as LicenceClaims;
      } catch {
        throw new AppError('licence_invalid', 'The tenant licence does not carry a valid signature');
      }
      if (typeof claims.jti === 'string') this.#byId.set(claims.jti, { jws, claims });
    }
    if (claims.iss !== 'courtyard' || claims.sub !== tenantId) throw new AppError('licence_invalid', 'The licence was issued for another tenant');
    const seconds = Math.floor(now / 1000);
    if (seconds < claims.nbf) throw new AppError('licence_invalid', 'The licence is not valid yet');
    if (seconds > claims.exp + claims.grace) throw new AppError('licence_expired', `The licence expired on ${new Date(claims.exp * 1000).toISOString()}`);
    return { claims, state: seconds > claims.exp ? 'grace' : 'valid' };
  }
}

/** The `jti` a licence's text claims, read without verifying it (only to find it in the cache); null if unreadable. */
function unverifiedId(jws: string): string | null {
  try {
    const jti = (JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as { jti?: unknown }).jti;
    return typeof jti === 'string' ? jti : null;
  } catch {
    return null;
  }
}
