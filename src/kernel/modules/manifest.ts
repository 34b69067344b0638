import type { Db } from '../db/tables.js';
import type { ErrorDefinition } from '../errors.js';
import type { EventDefinition } from '../events/event.js';
import type { HttpApp } from '../http/app.js';
import type { EventSubscriber, JobDefinition } from '../jobs/job.js';

export type SystemRole = 'owner' | 'manager' | 'staff' | 'member';
export const SYSTEM_ROLES: readonly SystemRole[] = ['owner', 'manager', 'staff', 'member'];

/** What provisioning hands each module's hook when it sets up a new tenant. */
export interface ProvisioningInput {
  tenantId: string;
  /** The tenant's first administrator, as the operator asked for them (the password already hashed). */
  admin: { email: string; name: string; passwordHash: string };
  /** The permissions a system role starts with, over every installed module. */
  defaultGrants(role: SystemRole): string[];
}

export interface PermissionDefinition {
  key: string;
  description: string;
  /**
   * Routes needing this permission also need a second factor given within the last 15 minutes
   * (a step-up): the pipeline answers `mfa_required` without one. For actions worth a thief's
   * while with a stolen session (money leaving).
   */
  stepUp?: boolean;
}

/** Fields of one of a module's record kinds that a custom role may hide (contact details, notes). */
export interface RestrictableFields {
  /** The record kind, as `fieldRestrictions` names it (`members`). */
  resource: string;
  /** Its name for people, when the resource key is not one (a custom object's plural name). */
  label?: string;
  fields: { key: string; description: string }[];
}

/**
 * What a module adds to the role catalogue from the tenant's own data (its custom objects):
 * permissions for one resource each (`objects.permit.read`, held too by whoever holds
 * `impliedBy`, `objects.read`) and fields a role may hide, read in the tenant's transaction.
 */
export interface TenantCatalogue {
  permissions: (PermissionDefinition & { impliedBy: string })[];
  restrictableFields: RestrictableFields[];
}

/**
 * The event a module emits (in the transaction that removes it) when a resource of its tenant
 * catalogue goes (an archived custom object): identity takes its permissions and hidden fields
 * out of every custom role, so a resource made later with the same key is not granted by them.
 */
export const TENANT_RESOURCE_REMOVED = 'tenant_resource.removed';
export interface TenantResourceRemoved {
  module: string;
  resource: string;
  permissions: string[];
}

/**
 * A business module: one folder that owns its key, dependencies, permissions and their
 * default grants, routes and migrations. The data plane's module host reads nothing else.
 */
export interface ModuleManifest {
  key: string;
  name: string;
  description: string;
  /** Keys of modules this one needs (licensed and migrated before it). */
  dependencies: string[];
  permissions: PermissionDefinition[];
  /** Fields of this module's records that a custom role may hide; the module omits them from reads and refuses writes to them. */
  restrictableFields?: RestrictableFields[];
  /**
   * Permissions and restrictable fields the tenant defined through this module (see
   * TenantCatalogue): identity checks custom roles against them as against the static ones.
   */
  tenantCatalogue?(db: Db): Promise<TenantCatalogue>;
  /** Permissions each system role gets when a tenant is provisioned. `owner` gets all. */
  defaultGrants: Partial<Record<SystemRole, string[]>>;
  /** Folder of this module's tenant-schema migrations. */
  migrations?: URL;
  /** Registers the module's routes on the data plane (prefix `/api/v1`). Each declares `config.access`. */
  routes(app: HttpApp): void;
  /** Always licensed (identity and the like), whatever the plan. */
  alwaysLicensed?: boolean;
  /** Plumbing with nothing for a user to use (the outbox, idempotency keys): not listed in /me. */
  infrastructure?: boolean;
  /** Error codes this module answers with, from its `defineErrors` (`<key>.<name>`, merged into the catalogue). */
  errors?: Readonly<Record<string, ErrorDefinition>>;
  /** Event types this module emits (the event catalogue). */
  events?: EventDefinition[];
  /** Kinds of background job this module runs. */
  jobs?: JobDefinition[];
  /** Reactions to domain events, run by workers after the change committed. */
  subscribers?: EventSubscriber[];
  /**
   * Sets the module up for a new tenant, inside the tenant's transaction, in dependency order.
   * Must be idempotent: a provisioning that failed later runs it again.
   */
  provision?(db: Db, input: ProvisioningInput): Promise<void>;
  /**
   * The plans (their keys) this module joins when it is first installed, or `'all'` for every
   * plan there is then. Each plan is offered the module once: the plans API decides after that.
   * Unknown keys are skipped with a warning. Default: no plan (an operator adds it).
   */
  includedIn?: 'all' | string[];
}

export const defineModule = (manifest: ModuleManifest): ModuleManifest => manifest;
