import { randomBytes } from 'node:crypto';
import type { Config } from '../kernel/config.js';
import type { Db } from '../kernel/db/tables.js';
import { generateLicenceKeyPair } from '../kernel/security/licence.js';
import { SecretsRepository } from './secrets.repository.js';

export interface PlatformSecrets {
  tokenSecret: string;
  licencePrivateKey: string | null;
  licencePublicKey: string;
}

/** Reads a secret, creating it once (safe when several processes start together). */
async function secret(db: Db, name: string, create: () => string): Promise<string> {
  const secrets = new SecretsRepository(db);
  await secrets.insertIfAbsent(name, create());
  return secrets.value(name);
}

/**
 * The platform's secrets: from the environment when given, else generated on first start and
 * kept in the control schema (which tenant transactions cannot read).
 */
export async function loadSecrets(db: Db, config: Config): Promise<PlatformSecrets> {
  const tokenSecret = config.tokenSecret ?? (await secret(db, 'token_secret', () => randomBytes(48).toString('base64url')));
  if (config.licencePrivateKey || config.licencePublicKey) {
    if (!config.licencePublicKey) throw new Error('COURTYARD_LICENCE_PUBLIC_KEY must be set with COURTYARD_LICENCE_PRIVATE_KEY');
    return { tokenSecret, licencePrivateKey: config.licencePrivateKey ?? null, licencePublicKey: config.licencePublicKey };
  }
  let pair: ReturnType<typeof generateLicenceKeyPair> | undefined;
  const generated = () => (pair ??= generateLicenceKeyPair());
  const licencePrivateKey = await secret(db, 'licence_private_key', () => generated().privateKey);
  const licencePublicKey = await secret(db, 'licence_public_key', () => generated().publicKey);
  return { tokenSecret, licencePrivateKey, licencePublicKey };
}
