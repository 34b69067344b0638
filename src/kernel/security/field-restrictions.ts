import type { Principal } from '../context.js';
import { AppError } from '../errors.js';

/**
 * Fields a role hides, by resource (a module's record kind, such as `members`): what a custom
 * role's `fieldRestrictions` holds. A resource a role does not name is not restricted by it.
 */
export type FieldRestrictions = Readonly<Record<string, { readonly hidden: readonly string[] }>>;

/** Fields hidden from a principal, by resource. */
export type HiddenFields = Readonly<Record<string, ReadonlySet<string>>>;

export const NOTHING_HIDDEN: HiddenFields = Object.freeze({});

/**
 * The fields hidden from a principal holding roles with these restrictions: a field is visible
 * when any of the roles sees it (allowlist semantics), so it is hidden only when every role
 * hides it. A role that restricts nothing on a resource sees all of it. No roles: nothing hidden
 * (such a principal holds no permission to read anything anyway).
 */
export function hiddenFieldsOf(roles: readonly FieldRestrictions[]): HiddenFields {
  if (roles.length === 0) return NOTHING_HIDDEN;
  const resources = new Set(roles.flatMap((r) => Object.keys(r)));
  const hidden: Record<string, ReadonlySet<string>> = {};
  for (const resource of resources) {
    const [first, ...rest] = roles.map((r) => new Set(r[resource]?.hidden ?? []));
    const common = [...first!].filter((f) => rest.every((s) => s.has(f)));
    if (common.length > 0) hidden[resource] = new Set(common);
  }
  return Object.keys(hidden).length === 0 ? NOTHING_HIDDEN : Object.freeze(hidden);
}

const EMPTY: ReadonlySet<string> = new Set();

/** The fields of `resource` hidden from the request's principal (none without one). */
export function hiddenFields(principal: Principal | null | undefined, resource: string): ReadonlySet<string> {
  return principal?.hiddenFields?.[resource] ?? EMPTY;
}

/** The record without the fields of `resource` hidden from the principal (the same object when none are). */
export function withoutHidden<T extends object>(principal: Principal | null | undefined, resource: string, record: T): T {
  const hidden = hiddenFields(principal, resource);
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as T;
}

/** Refuses a write that sets a field of `resource` hidden from the principal: 403 `field_restricted` naming it. */
export function refuseHiddenWrites(principal: Principal | null | undefined, resource: string, body: object): void {
  const hidden = hiddenFields(principal, resource);
  const named = Object.keys(body).filter((k) => hidden.has(k));
  if (named.length === 0) return;
  throw new AppError('field_restricted', `Your roles do not let you see or change ${named.join(', ')}`, { errors: named.map((field) => ({ field, message: 'is hidden from your roles' })) });
}
