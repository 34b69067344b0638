import type { TenantStatus } from './search.js';

/**
 * The steps of a provisioning in order, as src/control/provisioning/provisioning.steps.ts runs
 * them. The API reports the steps completed (and the one that failed) on the tenant itself
 * (`GET /control/v1/tenants/{tenant}`, field `provisioning`), not the list of all steps.
 */
export const PROVISIONING_STEPS = ['database', 'schema', 'modules', 'licence', 'activate'] as const;
export type StepState = 'done' | 'running' | 'failed' | 'pending';

// Tenants provisioned before the `modules` step was so named recorded it as `identity`.
const ALIASES: Record<string, string> = { identity: 'modules' };

/** Each step and where it stands, for a tenant's status and recorded progress. */
export function stepStates(status: TenantStatus, provisioning: { completed: string[]; failedStep?: string }): { step: string; state: StepState }[] {
  const completed = new Set(provisioning.completed.map((s) => ALIASES[s] ?? s));
  const known: readonly string[] = PROVISIONING_STEPS;
  const extra = [...completed].filter((s) => !known.includes(s));
  let running = status === 'provisioning';
  return [...PROVISIONING_STEPS, ...extra].map((step) => {
    if (completed.has(step) || status === 'active') return { step, state: 'done' as const };
    if (status === 'failed' && step === provisioning.failedStep) return { step, state: 'failed' as const };
    if (running) {
      running = false;
      return { step, state: 'running' as const };
    }
    return { step, state: 'pending' as const };
  });
}

/** Whether a tenant is still provisioning, so its page keeps asking. */
export const isSettled = (status: TenantStatus) => status !== 'provisioning';
