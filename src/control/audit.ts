import type { Db } from '../kernel/db/tables.js';
import { decodeCursor, pageOf } from '../kernel/http/pagination.js';
import { CHAIN_GENESIS, chainHash } from '../kernel/security/hash-chain.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

const hashOf = (prev: string, e: { at: string; actor: string; action: string; target: string | null; data: unknown }) => chainHash(prev, [e.at, e.actor, e.action, e.target, e.data]);

/** What walking the chain found: every entry links to the one before, or the first that does not. */
export interface ChainCheck {
  valid: boolean;
  entries: number;
  firstBrokenSeq?: number;
}

/**
 * The control plane's append-only, tamper-evident audit log: a trigger refuses updates and
 * deletes, and each entry's hash covers the previous one, so any edit breaks `verify`.
 * Call `append` in the same transaction as the change it records.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const audit = new AuditRepository(db);
  // One writer at a time extends the chain.
  await audit.lockChain();
  const prev = (await audit.lastHash()) ?? CHAIN_GENESIS;
  const at = new Date().toISOString();
  const row = { at, actor: entry.actor, action: entry.action, target: entry.target ?? null, data: entry.data ?? {} };
  await audit.insert({ ...row, prevHash: prev, hash: hashOf(prev, row) });
}

/** Walks the whole chain oldest first, a batch at a time, and names the first entry that does not link to the one before. */
export async function verifyAudit(db: Db): Promise<ChainCheck> {
  const audit = new AuditRepository(db);
  let prev = CHAIN_GENESIS;
  let entries = 0;
  let firstBrokenSeq: number | undefined;
  for (let after = 0; ; ) {
    const rows = await audit.batch(after, VERIFY_BATCH);
    for (const r of rows) {
      entries++;
      const at = new Date(r.at).toISOString();
      if (firstBrokenSeq === undefined && (r.prevHash !== prev || r.hash !== hashOf(prev, { at, actor: r.actor, action: r.action, target: r.target, data: r.data }))) firstBrokenSeq = Number(r.seq);
      prev = r.hash;
    }
    if (rows.length < VERIFY_BATCH) return firstBrokenSeq === undefined ? { valid: true, entries } : { valid: false, entries, firstBrokenSeq };
    after = Number(rows[rows.length - 1]!.seq);
  }
}

const VERIFY_BATCH = 1_000;

/** One page of the log for its readers, newest first; the cursor holds the last entry's sequence number. */
export async function listAudit(db: Db, query: AuditFilter & { limit: number; cursor?: string }) {
  const before = decodeCursor(query.cursor, ['int']);
  const { limit, cursor: _cursor, ...filter } = query;
  const rows = await new AuditRepository(db).page(filter, limit, before?.[0] ?? null);
  const page = pageOf(rows, limit, (r) => [Number(r.seq)]);
  return { data: page.data.map((r) => ({ ...r, seq: Number(r.seq), data: (r.data ?? {}) as Record<string, unknown> })), nextCursor: page.nextCursor };
}
