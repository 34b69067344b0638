import type { Db } from '../db/tables.js';
import { kernelErrors, type ErrorDefinition } from '../errors.js';
import type { MigrationSource } from '../db/migrations.js';
import type { ModuleManifest, ProvisioningInput, SystemRole, TenantCatalogue } from './manifest.js';

/** The installed modules, checked once: unique keys, known dependencies, namespaced permissions and error codes. */
export class ModuleHost {
  readonly ordered: ModuleManifest[];
  /** Every error code the platform answers with: the kernel's, then each module's. */
  readonly errorCatalogue: readonly ErrorDefinition[];
  readonly #byKey: Map<string, ModuleManifest>;

  /**
   * `planeErrors`: the codes of a plane that is no module (the control plane's `control.*`),
   * checked and catalogued like a module's.
   */
  constructor(manifests: ModuleManifest[], planeErrors: Readonly<Record<string, Readonly<Record<string, ErrorDefinition>>>> = {}) {
    this.#byKey = new Map();
    for (const m of manifests) {
      if (this.#byKey.has(m.key)) throw new Error(`module ${m.key} is installed twice`);
      this.#byKey.set(m.key, m);
    }
    for (const m of manifests) {
      for (const dep of m.dependencies) if (!this.#byKey.has(dep)) throw new Error(`module ${m.key} depends on ${dep}, which is not installed`);
      for (const p of m.permissions) if (!p.key.startsWith(`${m.key}.`) && !m.alwaysLicensed) throw new Error(`permission ${p.key} of module ${m.key} must start with "${m.key}."`);
      for (const [role, grants] of Object.entries(m.defaultGrants)) {
        for (const g of grants ?? []) if (!m.permissions.some((p) => p.key === g)) throw new Error(`module ${m.key} grants ${role} unknown permission ${g}`);
      }
    }
    this.ordered = this.#topological(manifests);
    this.errorCatalogue = this.#errors([...this.ordered.map((m) => ({ owner: m.key, errors: m.errors ?? {} })), ...Object.entries(planeErrors).map(([owner, errors]) => ({ owner, errors }))]);
  }

  get(key: string): ModuleManifest | undefined {
    return this.#byKey.get(key);
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Always-licensed modules a user can see (infrastructure excluded). */
  get visibleAlwaysLicensed(): string[] {
    return this.ordered.filter((m) => m.alwaysLicensed && !m.infrastructure).map((m) => m.key);
  }

  /** Modules every tenant has, whatever its licence. */
  get alwaysLicensed(): string[] {
    return this.ordered.filter((m) => m.alwaysLicensed).map((m) => m.key);
  }

  /** Licensable modules, for the control plane's catalogue. */
  catalogue() {
    return this.ordered
      .filter((m) => !m.alwaysLicensed)
      .map((m) => ({ key: m.key, name: m.name, description: m.description, dependencies: m.dependencies, permissions: m.permissions }));
  }

  tenantMigrations(): MigrationSource[] {
    return this.ordered.filter((m) => m.migrations).map((m) => ({ owner: m.key, dir: m.migrations! }));
  }

  allPermissions(): string[] {
    return this.ordered.flatMap((m) => m.permissions.map((p) => p.key));
  }

  /** The permission catalogue: every installed module's permissions, in dependency order. */
  permissionCatalogue(): { key: string; description: string; module: string; stepUp: boolean }[] {
    return this.ordered.flatMap((m) => m.permissions.map((p) => ({ key: p.key, description: p.description, module: m.key, stepUp: p.stepUp ?? false })));
  }

  /** The fields custom roles may hide, by resource, from every installed module's manifest. */
  restrictableFields(): { module: string; resource: string; fields: { key: string; description: string }[] }[] {
    return this.ordered.flatMap((m) => (m.restrictableFields ?? []).map((r) => ({ module: m.key, ...r })));
  }

  /** What the tenant's own data adds to the role catalogue, from the installed modules among `modules` (see TenantCatalogue). */
  async tenantCatalogue(db: Db, modules: ReadonlySet<string>): Promise<{ permissions: (TenantCatalogue['permissions'][number] & { module: string })[]; fields: { module: string; resource: string; label?: string; fields: { key: string; description: string }[] }[] }> {
    const permissions = [];
    const fields = [];
    for (const m of this.ordered) {
      if (!m.tenantCatalogue || !modules.has(m.key)) continue;
      const own = await m.tenantCatalogue(db);
      permissions.push(...own.permissions.map((p) => ({ ...p, module: m.key })));
      fields.push(...own.restrictableFields.map((r) => ({ module: m.key, ...r })));
    }
    return { permissions, fields };
  }

  /**
   * The module-wide permission a permission for one tenant-defined resource stands under
   * (`objects.read` for `objects.permit.read`): one that is not a declared permission, shaped
   * `<module>.<resource>.<action>`, of a module with a tenant catalogue. Null for any other. A
   * principal holding the module-wide permission holds it, even for a resource since removed.
   */
  scopeBaseOf(permission: string): string | null {
    const parts = permission.split('.');
    if (parts.length !== 3 || this.allPermissions().includes(permission)) return null;
    const base = `${parts[0]}.${parts[2]}`;
    const owner = this.ordered.find((m) => m.tenantCatalogue && m.permissions.some((p) => p.key === base));
    return owner ? base : null;
  }

  /** The permissions whose routes need a recent second factor (see PermissionDefinition.stepUp). */
  stepUpPermissions(): string[] {
    return this.ordered.flatMap((m) => m.permissions.filter((p) => p.stepUp).map((p) => p.key));
  }

  /** The permissions a system role starts with. Owners hold every permission. */
  defaultGrants(role: SystemRole): string[] {
    if (role === 'owner') return this.allPermissions();
    return this.ordered.flatMap((m) => m.defaultGrants[role] ?? []);
  }

  /** Runs every module's provisioning hook for a new tenant, in dependency order, in its transaction. */
  async provision(db: Db, input: Omit<ProvisioningInput, 'defaultGrants'>): Promise<void> {
    for (const m of this.ordered) await m.provision?.(db, { ...input, defaultGrants: (role) => this.defaultGrants(role) });
  }

  /** A module set closed under dependencies is what a licence may name. */
  missingDependencies(modules: string[]): string[] {
    const set = new Set([...modules, ...this.alwaysLicensed]);
    return modules.flatMap((key) => (this.#byKey.get(key)?.dependencies ?? []).filter((d) => !set.has(d)).map((d) => `${key} needs ${d}`));
  }

  #errors(owners: { owner: string; errors: Readonly<Record<string, ErrorDefinition>> }[]): ErrorDefinition[] {
    const catalogue: ErrorDefinition[] = [...kernelErrors];
    const codes = new Set<string>(catalogue.map((e) => e.code));
    for (const { owner, errors } of owners) {
      for (const e of Object.values(errors)) {
        if (!e.code.startsWith(`${owner}.`)) throw new Error(`error code ${e.code} of ${owner} must start with "${owner}."`);
        if (codes.has(e.code)) throw new Error(`error code ${e.code} is declared twice`);
        codes.add(e.code);
        catalogue.push(e);
      }
    }
    return catalogue;
  }

  #topological(manifests: ModuleManifest[]): ModuleManifest[] {
    const out: ModuleManifest[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (m: ModuleManifest) => {
      if (state.get(m.key) === 'done') return;
      if (state.get(m.key) === 'visiting') throw new Error(`module dependency cycle through ${m.key}`);
      state.set(m.key, 'visiting');
      for (const dep of m.dependencies) visit(this.#byKey.get(dep)!);
      state.set(m.key, 'done');
      out.push(m);
    };
    manifests.forEach(visit);
    return out;
  }
}

export type { SystemRole };
