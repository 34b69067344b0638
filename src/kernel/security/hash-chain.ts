import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';

/** The link the first entry of a chain points back to. */
export const CHAIN_GENESIS = '0'.repeat(64);

/**
 * An entry's link in a hash chain (the audit logs): SHA-256 over the previous link and the
 * entry's fields. jsonb does not keep key order, so the hash covers canonical JSON with sorted keys.
 */
export const chainHash = (prev: string, fields: unknown[]): string => createHash('sha256').update(canonicalJson([prev, ...fields])).digest('hex');
