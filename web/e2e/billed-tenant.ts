import { sql, type Kysely } from 'kysely';
import { createCourtyardClient } from '../../sdk/src/index.js';

/** The tenant of the Billing page's journey (workspace-billing.test.ts): its owner signs in as `manager@walnut.test`. */
export const BILLED_TENANT = 'walnut';
/** The tenant of the console's billing journey (console-billing.test.ts), invoiced the same way. */
export const CONSOLE_BILLED_TENANT = 'chestnut';
/** The tenant of the read-only journey (workspace-read-only.test.ts): invoiced a month ago, unpaid, and read-only. */
export const READ_ONLY_TENANT = 'hornbeam';

/**
 * Made by the global setup, before any test: a tenant on the standard plan, whose first period
 * is moved back so that it ended at the last midnight (UTC) and the invoice run has issued its invoice. The
 * platform's clock is the real one in the end-to-end tests (but for `now`), and no API moves a period: these
 * are the tenants whose subscription is written in the registry directly.
 */
export async function createBilledTenant(input: { url: string; db: Kysely<unknown>; admin: { email: string; password: string }; ownerPassword: string; slug: string; name: string; now?: () => number }): Promise<void> {
  const BILLED_TENANT = input.slug;
  const control = createCourtyardClient({ baseUrl: input.url });
  const login = await control.POST('/control/v1/auth/login', { body: input.admin });
  if (!login.data || !('accessToken' in login.data)) throw new Error(`the operator's sign-in: ${JSON.stringify(login.error)}`);
  const token = login.data.accessToken;
  const operator = createCourtyardClient({ baseUrl: input.url, accessToken: () => token });
  const created = await operator.POST('/control/v1/tenants', { body: { slug: BILLED_TENANT, name: input.name, plan: 'standard', admin: { email: `manager@${BILLED_TENANT}.test`, name: 'Manager', password: input.ownerPassword } } });
  if (!created.data) throw new Error(`tenant ${BILLED_TENANT}: ${JSON.stringify(created.error)}`);
  // Whole UTC days, as the platform's own periods are: the period ended at the last midnight.
  const day = 24 * 3_600_000;
  const end = new Date(Math.floor((input.now ?? Date.now)() / day) * day);
  const start = new Date(end.getTime() - 30 * day);
  await sql`UPDATE control.subscriptions SET period_start = ${start.toISOString()}, period_end = ${end.toISOString()} WHERE tenant_id = ${created.data.id}`.execute(input.db);
  const run = await operator.POST('/control/v1/billing/run');
  if (!run.data) throw new Error(`the invoice run: ${JSON.stringify(run.error)}`);
  const invoices = await operator.GET('/control/v1/invoices', { params: { query: { tenant: BILLED_TENANT, limit: 10 } } });
  if (invoices.data?.data.length !== 1) throw new Error(`tenant ${BILLED_TENANT} should have one invoice: ${JSON.stringify(invoices.data ?? invoices.error)}`);
}
