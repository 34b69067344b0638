import { principalOf, type TenantContext } from '../../kernel/context.js';
import { recordAudit } from '../../modules/audit/index.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { newApiKey } from '../../kernel/security/api-key-secrets.js';
import { API_KEY_PREFIX, sessionIdOf } from '../api-key-admission.js';
import { ApiKeysRepository, type ApiKeyRow } from './api-keys.repository.js';
import { coreErrors } from './identity.errors.js';
import type { TenantSessions } from './tenant-sessions.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const view = (k: ApiKeyRow): ApiKeyView => ({ id: k.id, name: k.name, prefix: k.prefix, permissions: k.permissions, createdBy: k.createdBy, createdAt: k.createdAt, expiresAt: k.expiresAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt });

/**
 * A tenant's API keys: made by a user for an integration, with some of that user's permissions,
 * shown once, kept as a hash, revoked at will. See `ApiKeyAdmission` for how a key is checked.
 */
export class ApiKeysService {
  constructor(private readonly deps: { modules: () => Pick<ModuleHost, 'allPermissions' | 'stepUpPermissions'>; sessions: TenantSessions }) {}

  async create(ctx: TenantContext, input: { name: string; permissions: string[]; expiresAt?: string | null }): Promise<ApiKeyView & { key: string }> {
    const principal = principalOf(ctx);
    const permissions = [...new Set(input.permissions)].sort();
    const known = new Set(this.deps.modules().allPermissions());
    const unknown = permissions.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new AppError(coreErrors.unknown_permission, `No such permission: ${unknown.join(', ')}`, { errors: unknown.map((p) => ({ field: 'permissions', message: `no permission "${p}"` })) });
    const lacking = permissions.filter((p) => !principal.permissions.has(p));
    if (lacking.length > 0) {
      throw new AppError(coreErrors.permission_not_held, `An API key may have only permissions you hold: not ${lacking.join(', ')}`, { errors: lacking.map((p) => ({ field: 'permissions', message: `you do not hold "${p}"` })) });
    }
    // A key cannot give a second factor, so the step-up gate would refuse it every such action.
    const stepUp = new Set(this.deps.modules().stepUpPermissions());
    const personal = permissions.filter((p) => stepUp.has(p));
    if (personal.length > 0) {
      throw new AppError('unprocessable', `An API key cannot hold ${personal.join(', ')}: those actions need a person's second factor`, { errors: personal.map((p) => ({ field: 'permissions', message: `"${p}" needs a second factor, which a key cannot give` })) });
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new AppError('unprocessable', 'The expiry must be in the future', { errors: [{ field: 'expiresAt', message: 'must be in the future' }] });
    const { key, hash, shown } = newApiKey(API_KEY_PREFIX);
    const row = await new ApiKeysRepository(ctx.db).insert(ctx.tenant.id, { name: input.name, prefix: shown, secretHash: hash, permissions, createdBy: principal.userId, expiresAt });
    ctx.log.info({ apiKey: row.id }, 'API key created');
    await recordAudit(ctx, { action: 'api_key.created', target: { type: 'api_key', id: row.id }, details: { name: row.name, permissions, expiresAt: expiresAt?.toISOString() ?? null } });
    return { ...view(row), key };
  }

  async list(ctx: TenantContext, { limit, cursor, q }: { limit: number; cursor?: string; q?: string }) {
    const after = decodeCursor(cursor, ['uuid'])?.[0];
    const page = pageOf(await new ApiKeysRepository(ctx.db).list(limit, after ?? null, q), limit, (k) => [k.id]);
    return { data: page.data.map(view), nextCursor: page.nextCursor };
  }

  async get(ctx: TenantContext, id: string): Promise<ApiKeyView> {
    const row = await new ApiKeysRepository(ctx.db).find(id);
    if (!row) throw notFound('The API key');
    return view(row);
  }

  /** Revokes a key (again: nothing changes); every process stops honouring it once this commits. */
  async revoke(ctx: TenantContext, id: string): Promise<void> {
    const row = await new ApiKeysRepository(ctx.db).revoke(id, new Date());
    if (!row) throw notFound('The API key');
    // The key's state is cached among its creator's sessions (see ApiKeyAdmission).
    this.deps.sessions.changed(ctx, row.createdBy);
    ctx.log.info({ apiKey: id, session: sessionIdOf(id) }, 'API key revoked');
    await recordAudit(ctx, { action: 'api_key.revoked', target: { type: 'api_key', id } });
  }
}
