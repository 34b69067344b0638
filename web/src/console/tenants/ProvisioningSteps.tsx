import type { ReactNode } from 'react';
import { CheckCircle2, Circle, LoaderCircle, XCircle } from 'lucide-react';
import { useT, type MessageId } from '../../i18n/intl.js';
import { PROVISIONING_STEPS, stepStates, type StepState } from './provisioning.js';
import type { TenantStatus } from './search.js';

export interface ProvisionedTenant {
  name: string;
  status: TenantStatus;
  provisioning: { completed: string[]; failedStep?: string; error?: string; attempts: number };
}

const known: readonly string[] = PROVISIONING_STEPS;
const icons: Record<StepState, ReactNode> = {
  done: <CheckCircle2 aria-hidden size={16} className="text-green-700" />,
  running: <LoaderCircle aria-hidden size={16} className="animate-spin text-brand" />,
  failed: <XCircle aria-hidden size={16} />,
  pending: <Circle aria-hidden size={16} className="text-slate-400" />,
};

/**
 * The steps of a tenant's provisioning, each done, running, failed or still to come, and a
 * status line that says where it stands; `children` follow (the password shown once, Retry).
 */
export function ProvisioningSteps({ tenant, children }: { tenant: ProvisionedTenant; children?: ReactNode }) {
  const t = useT();
  const steps = stepStates(tenant.status, tenant.provisioning);
  const running = steps.find((s) => s.state === 'running');
  const label = (step: string) => (known.includes(step) ? t(`tenants.step.${step}` as MessageId) : step);
  const status =
    tenant.status === 'failed'
      ? t('tenants.failed')
      : tenant.status === 'provisioning'
        ? t('tenants.provisioningStep', { name: tenant.name, step: running ? label(running.step) : '' })
        : t('tenants.ready', { name: tenant.name });
  return (
    <section aria-labelledby="provisioning" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="provisioning" className="font-semibold">{t('tenants.provisioning')}</h2>
      <ol className="space-y-1 text-sm">
        {steps.map(({ step, state }) => (
          <li key={step} className={`flex items-center gap-2 ${state === 'failed' ? 'text-red-800' : state === 'pending' ? 'text-slate-600' : ''}`}>
            {icons[state]}
            <span>
              {label(step)}
              {state === 'failed' && tenant.provisioning.error ? `: ${tenant.provisioning.error}` : null}
            </span>
            <span className="sr-only">({t(`tenants.stepState.${state}`)})</span>
          </li>
        ))}
      </ol>
      <p role="status" className="text-sm">{status}</p>
      {children}
    </section>
  );
}
