import { randomBytes } from 'node:crypto';
import type { Timestamptz } from '../db/kernel.tables.js';
import { hashToken } from './tokens.js';

/** Characters of a key shown in lists (its type prefix and a few of its random ones), to tell keys apart. */
const SHOWN = 8;

/**
 * A new API key: `<prefix><256 random bits, base64url>`, the SHA-256 of it that is kept, and
 * the start of it that lists show. A fast, unsalted hash is enough here, unlike for passwords:
 * with 256 random bits there is nothing to guess or to look up, so a stolen table of hashes
 * gives no key back, and the lookup by hash stays one indexed equality per request.
 */
export function newApiKey(prefix: string): { key: string; hash: string; shown: string } {
  const key = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashToken(key), shown: key.slice(0, prefix.length + SHOWN) };
}

/** The columns a table of API keys has, a tenant's (`api_keys`) or the platform's (`control.platform_api_keys`). */
export interface ApiKeyColumns {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  permissions: string[];
  createdBy: string;
  createdAt: Timestamptz;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
