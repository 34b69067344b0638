// `modules` runs every module's provisioning hook (the core module seeds roles and the first
// administrator). Tenants provisioned before it was named so recorded the step as `identity`.
export const PROVISIONING_STEPS = ['database', 'schema', 'modules', 'licence', 'activate'] as const;
export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

export interface ProvisioningState {
  completed: ProvisioningStep[];
  attempts: number;
  failedStep?: ProvisioningStep;
  error?: string;
  startedAt?: string;
  finishedAt?: string;
}
