/** A licence's claims as the console shows them (the API types them loosely). */
export interface LicenceFacts {
  plan: string | null;
  modules: string[];
  limits: Limits;
  graceDays: number | null;
}

export interface Limits {
  members: number | null;
  users: number | null;
  storageMb: number | null;
}
export const LIMIT_KEYS = ['members', 'users', 'storageMb'] as const;

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the licence's claims (`modules`, `limits`, `plan`, `grace` in seconds); `null` limits are unlimited. */
export function licenceFacts(claims: Record<string, unknown>): LicenceFacts {
  const limits = (claims.limits ?? {}) as Record<string, unknown>;
  return {
    plan: typeof claims.plan === 'string' ? claims.plan : null,
    modules: Array.isArray(claims.modules) ? claims.modules.filter((m): m is string => typeof m === 'string') : [],
    limits: { members: count(limits.members), users: count(limits.users), storageMb: count(limits.storageMb) },
    graceDays: typeof claims.grace === 'number' ? Math.round(claims.grace / 86_400) : null,
  };
}

export interface ReissueValues {
  /** The modules chosen for the new licence. */
  modules: string[];
  limits: Limits;
  /** `YYYY-MM-DD`, or '' for the API's default (a year from now). */
  expiresOn: string;
  graceDays: number | null;
}

export interface ReissueBody {
  addModules?: string[];
  removeModules?: string[];
  limits?: Partial<Limits>;
  expiresAt?: string;
  graceDays?: number;
}

/**
 * The body of `POST /control/v1/tenants/{tenant}/licence`: overrides of the plan. The API starts
 * from the plan's modules and limits, so only what differs from the plan is sent: modules added
 * and removed, limits changed (null: unlimited), an expiry (the end of the day chosen, UTC) and
 * the grace period.
 */
export function reissueBody(plan: { modules: string[]; limits: Limits }, values: ReissueValues): ReissueBody {
  const body: ReissueBody = {};
  const add = values.modules.filter((m) => !plan.modules.includes(m)).sort();
  const remove = plan.modules.filter((m) => !values.modules.includes(m)).sort();
  if (add.length > 0) body.addModules = add;
  if (remove.length > 0) body.removeModules = remove;
  const limits: Partial<Limits> = {};
  for (const key of LIMIT_KEYS) if (values.limits[key] !== plan.limits[key]) limits[key] = values.limits[key];
  if (Object.keys(limits).length > 0) body.limits = limits;
  if (values.expiresOn) body.expiresAt = `${values.expiresOn}T23:59:59Z`;
  if (values.graceDays !== null) body.graceDays = values.graceDays;
  return body;
}

/** The expiry the dialog proposes, as the API's default: a year (365 days) from `now`, as `YYYY-MM-DD` (UTC). */
export function defaultExpiry(now: Date): string {
  return new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
}
