import { principalOf, type TenantContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { hiddenFields, type FieldRestrictions } from '../../kernel/security/field-restrictions.js';
import { recordAudit } from '../../modules/audit/index.js';
import type { RolePermissionCache } from '../role-cache.js';
import { coreErrors } from './identity.errors.js';
import { RolesRepository, type FullRoleRow } from './roles.repository.js';

export interface RoleView {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: string[];
  fieldRestrictions: Record<string, { hidden: string[] }>;
  system: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoleBody {
  key: string;
  name: string;
  description?: string;
  permissions: string[];
  fieldRestrictions?: FieldRestrictions;
}

type Catalogue = Awaited<ReturnType<RolesService['catalogue']>>;

const view = (r: FullRoleRow): RoleView => ({ id: r.id, key: r.key, name: r.name, description: r.description, permissions: [...r.permissions].sort(), fieldRestrictions: r.fieldRestrictions as RoleView['fieldRestrictions'], system: r.system, createdAt: r.createdAt, updatedAt: r.updatedAt });

/**
 * A tenant's custom roles: made, changed and deleted by those who hold `roles.write`, with
 * only permissions they hold themselves. System roles are read-only. Every change reaches
 * every process's role cache once it commits, so it shows on the next request.
 */
export class RolesService {
  constructor(private readonly deps: { modules: () => Pick<ModuleHost, 'permissionCatalogue' | 'restrictableFields' | 'alwaysLicensed' | 'tenantCatalogue' | 'scopeBaseOf'>; roles: RolePermissionCache }) {}

  /**
   * The permissions of the installed modules the tenant's licence covers, and the fields a role
   * may hide: the manifests' and those the tenant defined (a custom object's `objects.<key>.read`
   * and its fields), read now from the modules that own them.
   */
  async catalogue(ctx: TenantContext) {
    const modules = this.deps.modules();
    const usable = new Set([...modules.alwaysLicensed, ...ctx.licence.claims.modules]);
    const own = await modules.tenantCatalogue(ctx.db, usable);
    return {
      data: [
        ...modules.permissionCatalogue().filter((p) => usable.has(p.module)),
        ...own.permissions.map((p) => ({ key: p.key, description: p.description, module: p.module, stepUp: false, impliedBy: p.impliedBy })),
      ],
      fields: [...modules.restrictableFields().filter((r) => usable.has(r.module)), ...own.fields],
    };
  }

  async list(ctx: TenantContext) {
    const rows = await new RolesRepository(ctx.db).list();
    return { data: rows.map((r) => ({ ...view(r), users: Number(r.users) })) };
  }

  async get(ctx: TenantContext, id: string): Promise<RoleView> {
    const row = await new RolesRepository(ctx.db).find(id);
    if (!row) throw notFound('The role');
    return view(row);
  }

  async create(ctx: TenantContext, body: RoleBody): Promise<RoleView> {
    const catalogue = await this.catalogue(ctx);
    const permissions = this.#checkPermissions(ctx, catalogue, body.permissions);
    const fieldRestrictions = this.#checkRestrictions(ctx, catalogue, body.fieldRestrictions ?? {});
    const row = await new RolesRepository(ctx.db).insert(ctx.tenant.id, { key: body.key, name: body.name, description: body.description ?? '', permissions, fieldRestrictions });
    if (!row) throw new AppError(coreErrors.role_key_taken, `The tenant has a role "${body.key}" already`, { errors: [{ field: 'key', message: 'is already taken' }] });
    this.#changed(ctx);
    await recordAudit(ctx, { action: 'role.created', target: { type: 'role', id: row.id }, details: { key: row.key, permissions, fieldRestrictions } });
    return view(row);
  }

  async update(ctx: TenantContext, id: string, patch: Partial<Omit<RoleBody, 'key'>>): Promise<RoleView> {
    const repo = new RolesRepository(ctx.db);
    const before = await repo.findForUpdate(id);
    if (!before) throw notFound('The role');
    if (before.system) throw new AppError(coreErrors.system_role_immutable, `"${before.key}" is a system role: it cannot be changed`);
    this.#checkHoldsAll(ctx, before);
    const catalogue = patch.permissions !== undefined || patch.fieldRestrictions !== undefined ? await this.catalogue(ctx) : undefined;
    const permissions = patch.permissions !== undefined ? this.#checkPermissions(ctx, catalogue!, patch.permissions) : undefined;
    const fieldRestrictions = patch.fieldRestrictions !== undefined ? this.#checkRestrictions(ctx, catalogue!, patch.fieldRestrictions) : undefined;
    const row = await repo.update(id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(permissions !== undefined ? { permissions } : {}),
      ...(fieldRestrictions !== undefined ? { fieldRestrictions } : {}),
    });
    if (!row) throw notFound('The role');
    this.#changed(ctx);
    await recordAudit(ctx, {
      action: 'role.changed',
      target: { type: 'role', id },
      details: {
        key: row.key,
        ...(permissions !== undefined ? { permissions: { from: [...before.permissions].sort(), to: permissions } } : {}),
        ...(fieldRestrictions !== undefined ? { fieldRestrictions: { from: before.fieldRestrictions, to: fieldRestrictions } } : {}),
      },
    });
    return view(row);
  }

  async delete(ctx: TenantContext, id: string): Promise<void> {
    const repo = new RolesRepository(ctx.db);
    const role = await repo.findForUpdate(id);
    if (!role) throw notFound('The role');
    if (role.system) throw new AppError(coreErrors.system_role_immutable, `"${role.key}" is a system role: it cannot be deleted`);
    this.#checkHoldsAll(ctx, role);
    const users = await repo.holders(id);
    if (users > 0) throw new AppError(coreErrors.role_in_use, `${users} user(s) hold the role "${role.key}": take it from them first`, { users });
    await repo.delete(id);
    this.#changed(ctx);
    await recordAudit(ctx, { action: 'role.deleted', target: { type: 'role', id }, details: { key: role.key, permissions: [...role.permissions].sort() } });
  }

  /** Every process forgets the tenant's roles once this commits: the next request sees the change. */
  #changed(ctx: TenantContext): void {
    ctx.afterCommit(() => this.deps.roles.changed(ctx.tenant.id));
  }

  /** Refuses changing or deleting a role stronger than the principal: one with permissions they do not hold. */
  #checkHoldsAll(ctx: TenantContext, role: FullRoleRow): void {
    const lacking = role.permissions.filter((p) => !this.#holds(ctx, p));
    if (lacking.length > 0) throw new AppError(coreErrors.permission_not_held, `The role "${role.key}" has permissions you do not hold (${lacking.join(', ')}): you cannot change or delete it`);
  }

  /** Whether the principal holds `permission`: itself, or (one for a tenant's own resource) the module-wide one. */
  #holds(ctx: TenantContext, permission: string): boolean {
    const held = principalOf(ctx).permissions;
    if (held.has(permission)) return true;
    const base = this.deps.modules().scopeBaseOf(permission);
    return base !== null && held.has(base);
  }

  /** Known permissions (the manifests' and the tenant's own, see `catalogue`) the principal holds, sorted and without repeats. */
  #checkPermissions(ctx: TenantContext, catalogue: Catalogue, requested: string[]): string[] {
    const permissions = [...new Set(requested)].sort();
    const known = new Set([...this.deps.modules().permissionCatalogue().map((p) => p.key), ...catalogue.data.map((p) => p.key)]);
    const unknown = permissions.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new AppError(coreErrors.unknown_permission, `No such permission: ${unknown.join(', ')}`, { errors: unknown.map((p) => ({ field: 'permissions', message: `no permission "${p}"` })) });
    const lacking = permissions.filter((p) => !this.#holds(ctx, p));
    if (lacking.length > 0) {
      throw new AppError(coreErrors.permission_not_held, `A role may have only permissions you hold: not ${lacking.join(', ')}`, { errors: lacking.map((p) => ({ field: 'permissions', message: `you do not hold "${p}"` })) });
    }
    return permissions;
  }

  /**
   * Restrictions on known fields only, each list sorted without repeats and empty ones left out;
   * and a role must hide at least what is hidden from the principal making it (no escalation).
   */
  #checkRestrictions(ctx: TenantContext, catalogue: Catalogue, requested: FieldRestrictions): FieldRestrictions {
    const known = new Map([...this.deps.modules().restrictableFields(), ...catalogue.fields].map((r) => [r.resource, new Set(r.fields.map((f) => f.key))]));
    const errors: { field: string; message: string }[] = [];
    const result: Record<string, { hidden: string[] }> = {};
    for (const [resource, { hidden }] of Object.entries(requested)) {
      const fields = known.get(resource);
      if (!fields) {
        errors.push({ field: `fieldRestrictions/${resource}`, message: `no restrictable fields "${resource}"` });
        continue;
      }
      for (const f of hidden) if (!fields.has(f)) errors.push({ field: `fieldRestrictions/${resource}/hidden`, message: `no restrictable field "${f}"` });
      if (hidden.length > 0) result[resource] = { hidden: [...new Set(hidden)].sort() };
    }
    if (errors.length > 0) throw new AppError('unprocessable', 'Unknown restrictable fields', { errors });
    const principal = principalOf(ctx);
    const seen: { field: string; message: string }[] = [];
    for (const resource of known.keys()) {
      const own = hiddenFields(principal, resource);
      for (const f of own) if (!result[resource]?.hidden.includes(f)) seen.push({ field: `fieldRestrictions/${resource}/hidden`, message: `"${f}" is hidden from you: the role must hide it too` });
    }
    if (seen.length > 0) throw new AppError(coreErrors.permission_not_held, 'A role cannot see fields hidden from you', { errors: seen });
    return result;
  }
}
