/** What the platform hands the finance module at start-up (configuration, secrets, clocks for tests). */
export interface FinanceOptions {
  /** Seals the secrets tenants give the module (a payment provider's keys); see SealedBox. */
  sealingSecret?: string;
  /** The current time; tests inject a clock. */
  now?: () => Date;
}
