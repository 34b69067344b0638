import type { LicenceLimits } from '../../kernel/security/licence.js';

/**
 * What an operator changed on one tenant's licence relative to its plan. Kept with the licence
 * (not only folded into its claims) so that a reissue after the plan changes, and a renewal,
 * apply the same changes to the plan as it is then.
 */
export interface LicenceAdjustments {
  /** The tenant's modules, whatever its plan holds (pinned). */
  modules?: string[];
  addModules?: string[];
  removeModules?: string[];
  limits?: { [K in keyof LicenceLimits]?: LicenceLimits[K] | undefined };
  graceDays?: number;
}

export interface LicenceTerms {
  modules: string[];
  limits: LicenceLimits;
  graceDays: number;
}

/** The plan's modules and limits with the tenant's adjustments applied. */
export function termsOf(plan: { modules: string[]; limits: LicenceLimits }, adjustments: LicenceAdjustments, defaultGraceDays: number): LicenceTerms {
  let modules = adjustments.modules ?? plan.modules;
  if (adjustments.addModules) modules = [...modules, ...adjustments.addModules];
  if (adjustments.removeModules) modules = modules.filter((m) => !adjustments.removeModules!.includes(m));
  const limits = { ...plan.limits };
  for (const [key, value] of Object.entries(adjustments.limits ?? {}) as [keyof LicenceLimits, number | null | undefined][]) {
    if (value !== undefined) limits[key] = value;
  }
  return { modules: [...new Set(modules)].sort(), limits, graceDays: adjustments.graceDays ?? defaultGraceDays };
}

/** Only what was given: an adjustment left out follows the plan (or the instance's grace). */
export function adjustmentsOf(input: LicenceAdjustments): LicenceAdjustments {
  const { modules, addModules, removeModules, limits, graceDays } = input;
  return {
    ...(modules ? { modules } : {}),
    ...(addModules?.length ? { addModules } : {}),
    ...(removeModules?.length ? { removeModules } : {}),
    ...(limits && Object.keys(limits).length > 0 ? { limits } : {}),
    ...(graceDays !== undefined ? { graceDays } : {}),
  };
}
