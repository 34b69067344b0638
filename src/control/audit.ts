import { createHash } from 'node:crypto';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { Db } from '../kernel/db/tables.js';
import { decodeCursor, pageOf } from '../kernel/http/pagination.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
// jsonb does not keep key order, so the hash covers a canonical form with sorted keys.
const hashOf = (prev: string, e: { at: string; actor: string; action: string; target: string | null; data: unknown }) =>
  createHash('sha256').update(canonicalJson([prev, e.at, e.actor, e.action, e.target, e.data])).digest('hex');

/**
 * The control plane's append-only, tamper-evident audit log: a trigger refuses updates and
 * deletes, and each entry's hash covers the previous one, so any edit breaks `verify`.
 * Call `append` in the same transaction as the change it records.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const audit = new AuditRepository(db);
  // One writer at a time extends the chain.
  await audit.lockChain();
  const prev = (await audit.lastHash()) ?? GENESIS;
  const at = new Date().toISOString();
  const row = { at, actor: entry.actor, action: entry.action, target: entry.target ?? null, data: entry.data ?? {} };
  await audit.insert({ ...row, prevHash: prev, hash: hashOf(prev, row) });
}

/** Walks the chain; returns the sequence number of the first broken entry, or null if intact. */
export async function verifyAudit(db: Db): Promise<number | null> {
  const rows = await new AuditRepository(db).all();
  let prev = GENESIS;
  for (const r of rows) {
    const at = new Date(r.at).toISOString();
    if (r.prevHash !== prev || r.hash !== hashOf(prev, { at, actor: r.actor, action: r.action, target: r.target, data: r.data })) return Number(r.seq);
    prev = r.hash;
  }
  return null;
}

/** One page of the log for its readers, newest first; the cursor holds the last entry's sequence number. */
export async function listAudit(db: Db, query: AuditFilter & { limit: number; cursor?: string }) {
  const before = decodeCursor(query.cursor, ['int']);
  const { limit, cursor: _cursor, ...filter } = query;
  const rows = await new AuditRepository(db).page(filter, limit, before?.[0] ?? null);
  const page = pageOf(rows, limit, (r) => [Number(r.seq)]);
  return { data: page.data.map((r) => ({ ...r, seq: Number(r.seq), data: (r.data ?? {}) as Record<string, unknown> })), nextCursor: page.nextCursor };
}
