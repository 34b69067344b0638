import type { Principal, TenantContext } from '../../kernel/context.js';
import { fieldError } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { CHAIN_GENESIS, chainHash } from '../../kernel/security/hash-chain.js';
import { AuditRepository, type AuditRow, type NewAuditRow } from './audit.repository.js';
import type { ActorType, AuditChainCheck, AuditEntry, ListAuditQuery } from './audit.schemas.js';

/** Who acted: a user or an API key (by id), the platform itself, or someone not signed in. */
export type AuditActor = { type: 'user' | 'api_key'; id: string } | { type: 'system' | 'anonymous'; id?: null };

/** One security-relevant action, as a module records it. */
export interface AuditRecord {
  /** `<area>.<thing>.<what happened>`, such as `finance.charge.voided`. */
  action: string;
  /** Default: the request's signed-in user, or `system` outside a request. */
  actor?: AuditActor;
  target?: { type: string; id: string | null };
  /** A few facts; never a secret, a token or a password. */
  details?: Record<string, unknown>;
}

/**
 * What recording needs: the tenant transaction, and what the request knows of its caller. A
 * job's scope (no request) has only the first two and records as `system`.
 */
export type AuditScope = Pick<TenantContext, 'db' | 'tenant'> & Partial<Pick<TenantContext, 'principal' | 'requestId' | 'ip' | 'userAgent'>>;

const MAX_USER_AGENT = 512;

/** The hash covers every field but the hash itself, the tenant included: an entry cannot be moved to another tenant's chain. */
const hashOf = (r: Omit<NewAuditRow, 'hash'>) =>
  chainHash(r.prevHash, [r.tenantId, r.id, r.seq, r.at.toISOString(), r.actorType, r.actorId, r.action, r.targetType, r.targetId, r.details, r.requestId, r.ip, r.userAgent]);

/**
 * Appends an entry to the tenant's audit log in the caller's transaction, so that it commits or
 * rolls back with the action it records. Appends are serialised per tenant until the
 * transaction ends: call it as the action's last step.
 */
export async function recordAudit(scope: AuditScope, entry: AuditRecord): Promise<void> {
  const repo = new AuditRepository(scope.db);
  await repo.lockChain(scope.tenant.id);
  const head = await repo.head();
  const actor: AuditActor = entry.actor ?? actorOf(scope.principal);
  const row: Omit<NewAuditRow, 'hash'> = {
    tenantId: scope.tenant.id,
    id: newId(),
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    actorType: actor.type,
    actorId: actor.id ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    // As jsonb will give it back: undefined fields dropped, dates as text.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    requestId: scope.requestId ?? null,
    ip: scope.ip ?? null,
    userAgent: scope.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    prevHash: head?.hash ?? CHAIN_GENESIS,
  };
  await repo.insert({ ...row, hash: hashOf(row) });
}

const view = (r: AuditRow): AuditEntry => ({
  id: r.id,
  seq: Number(r.seq),
  at: r.at,
  actor: { type: r.actorType as ActorType, id: r.actorId },
  action: r.action,
  target: r.targetType === null ? null : { type: r.targetType, id: r.targetId },
  details: r.details,
  requestId: r.requestId,
  ip: r.ip,
  userAgent: r.userAgent,
});

/** A page of the tenant's log, newest first; the cursor holds the last entry's sequence number. */
export async function listAudit(ctx: TenantContext, query: ListAuditQuery & { limit: number }) {
  const before = decodeCursor(query.cursor, ['int'])?.[0] ?? null;
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && to < from) throw fieldError('to', 'must be at or after from');
  const rows = await new AuditRepository(ctx.db).page({ ...query, from, to }, query.limit, before);
  const page = pageOf(rows, query.limit, (r) => [Number(r.seq)]);
  return { data: page.data.map(view), nextCursor: page.nextCursor };
}

const VERIFY_BATCH = 1_000;

/**
 * Walks the tenant's whole chain oldest first, a batch at a time: each entry must follow the one
 * before in number, point at its hash, and hash to what it stores. Names the first that does not.
 */
export async function verifyAuditChain(ctx: TenantContext): Promise<AuditChainCheck> {
  const repo = new AuditRepository(ctx.db);
  let prev = CHAIN_GENESIS;
  let entries = 0;
  let firstBrokenId: string | undefined;
  for (let after = 0; ; ) {
    const rows = await repo.batch(after, VERIFY_BATCH);
    for (const r of rows) {
      entries++;
      const seq = Number(r.seq);
      const row = { ...r, tenantId: ctx.tenant.id, seq, actorType: r.actorType as ActorType };
      if (firstBrokenId === undefined && (seq !== entries || r.prevHash !== prev || r.hash !== hashOf(row))) firstBrokenId = r.id;
      prev = r.hash;
    }
    if (rows.length < VERIFY_BATCH) return firstBrokenId === undefined ? { valid: true, entries } : { valid: false, entries, firstBrokenId };
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** Who acts for a request: a key acts with its creator's user id, but the log names the key. */
function actorOf(principal: Principal | null | undefined): AuditActor {
  if (!principal) return { type: 'system' };
  return principal.apiKeyId ? { type: 'api_key', id: principal.apiKeyId } : { type: 'user', id: principal.userId };
}
