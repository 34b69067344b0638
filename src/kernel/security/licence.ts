import { generateKeyPairSync } from 'node:crypto';
import { CompactSign, compactVerify, importPKCS8, importSPKI } from 'jose';

type Key = Awaited<ReturnType<typeof importSPKI>>;
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

export interface LicenceLimits {
  /** null: unlimited. */
  members: number | null;
  users: number | null;
  storageMb: number | null;
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

/**
 * Verifies licences offline with the public key alone. Refuses a licence whose signature
 * does not verify (tampered, or signed by another key), one issued for another tenant, one
 * not yet valid, and one past its expiry plus grace.
 */
export class LicenceVerifier {
  readonly #cache = new Map<string, LicenceClaims>();

  private constructor(
    private readonly key: Key,
    private readonly clock: () => Date,
  ) {}

  static async fromPem(publicKeyPem: string, clock: () => Date = () => new Date()): Promise<LicenceVerifier> {
    return new LicenceVerifier(await importSPKI(publicKeyPem, 'EdDSA'), clock);
  }

  async verify(jws: string | null | undefined, tenantId: string, now = this.clock().getTime()): Promise<VerifiedLicence> {
    if (!jws) throw new AppError('licence_invalid', 'The tenant has no licence');
    let claims = this.#cache.get(jws);
    if (!claims) {
      try {
        const { payload, protectedHeader } = await compactVerify(jws, this.key, { algorithms: ['EdDSA'] });
        if (protectedHeader.typ !== TYP) throw new Error('not a licence');
        claims = JSON.parse(new TextDecoder().decode(payload)) as LicenceClaims;
      } catch {
        throw new AppError('licence_invalid', 'The tenant licence does not carry a valid signature');
      }
      if (this.#cache.size > 10_000) this.#cache.clear();
      this.#cache.set(jws, claims);
    }
    if (claims.iss !== 'courtyard' || claims.sub !== tenantId) throw new AppError('licence_invalid', 'The licence was issued for another tenant');
    const seconds = Math.floor(now / 1000);
    if (seconds < claims.nbf) throw new AppError('licence_invalid', 'The licence is not valid yet');
    if (seconds > claims.exp + claims.grace) throw new AppError('licence_expired', `The licence expired on ${new Date(claims.exp * 1000).toISOString()}`);
    return { claims, state: seconds > claims.exp ? 'grace' : 'valid' };
  }
}
