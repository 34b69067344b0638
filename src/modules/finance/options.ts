/** What the platform hands the finance module at start-up (configuration, clocks for tests). */
export interface FinanceOptions {
  /** The current time; tests inject a clock. */
  now?: () => Date;
}
