import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourtyardClient, type CourtyardClient } from '../../sdk/src/index.js';
import { BILLED_TENANT } from './billed-tenant.js';
import { accessTokenOf, connect, expectAccessible, expectPageShape, must, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';
import { standInCheckout, stripePaidInvoice } from './card-payments.js';

/**
 * The community's owner on the Billing page (tenant walnut, made by the global setup with its
 * first period ended and invoiced): the plan, the usage and the invoices; a move to another
 * plan, asked first; and the open invoice paid through the Stripe stand-in, "being confirmed"
 * until the signed webhook has recorded it, then paid.
 */

const OWNER = `manager@${BILLED_TENANT}.test`;
let browser: Browser;
let owner: CourtyardClient;

beforeAll(async () => {
  browser = await connect();
  const api = createCourtyardClient({ baseUrl: server().url, tenant: BILLED_TENANT });
  const token = accessTokenOf(await must(api.POST('/api/v1/auth/login', { body: { email: OWNER, password: TENANT_PASSWORD } })));
  owner = createCourtyardClient({ baseUrl: server().url, tenant: BILLED_TENANT, accessToken: () => token });
  // A charge is counted (the `charges` meter): the period's usage has something to draw.
  const member = await must(owner.POST('/api/v1/members', { body: { firstName: 'Wanda', lastName: 'Walnut', type: 'owner' } }));
  await must(owner.POST('/api/v1/finance/charges', { body: { memberId: member.id, kind: 'levy', description: 'Garden levy', amount: 5_000, currency: 'EUR', dueDate: new Date().toISOString().slice(0, 10) } }));
});
afterAll(() => browser?.close());


describe("the community's Billing page", () => {
  it('shows the plan, usage and invoices, moves to another plan, and pays the open invoice by card', async () => {
    const [invoice] = (await must(owner.GET('/api/v1/billing/invoices', { params: { query: { limit: 10 } } }))).data;
    expect(invoice).toMatchObject({ status: 'open', kind: 'invoice' });
    const due = new Intl.NumberFormat('en-GB', { style: 'currency', currency: invoice!.currency }).format(invoice!.amountDueMinor / 100);

    const { context, page, problems } = await openPage(browser);
    const checkout = await standInCheckout(context);
    await page.goto(`/t/${BILLED_TENANT}/`);
    await page.getByLabel('Email').fill(OWNER);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Walnut Estate');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Billing' }).click();
    await expectPageShape(page, 'Billing');

    // The plan and how the subscription stands.
    await expect.poll(() => page.getByTestId('plan-name').textContent()).toBe('Standard');
    expect(await page.getByTestId('subscription-status').textContent()).toBe('Active');
    expect(await page.getByTestId('standing').textContent()).toBe('In good standing: no invoice is overdue.');
    expect(await page.getByTestId('current-plan').textContent()).toContain('€199.00 a month');

    // The charge reaches the platform's usage through the outbox, within seconds.
    await expect.poll(async () => (await must(owner.GET('/api/v1/billing/usage', { params: { query: { meter: 'charges' } } }))).data[0]!.total, { timeout: 20_000 }).toBe(1);
    await page.reload();
    await expectPageShape(page, 'Billing');
    // Usage this period: a row per meter, and a chart (or "nothing yet") per meter.
    const usage = page.getByRole('table', { name: 'Usage this period, per meter' });
    await expect.poll(() => usage.getByRole('rowheader').allTextContents()).toEqual(['Members', 'Units', 'Users', 'Stored documents', 'E-mails sent', 'SMS messages sent', 'API requests', 'Charges created']);
    expect(await usage.getByRole('row', { name: /^Members/ }).getByRole('cell').allTextContents()).toEqual([expect.any(String), '—', '5,000']);
    await expect.poll(() => page.locator('[data-testid^="usage-chart-"]').count()).toBe(8);
    expect(await usage.getByRole('row', { name: /^Charges created/ }).getByRole('cell').first().textContent()).toBe('1');
    const charges = page.getByTestId('usage-chart-charges');
    await expect.poll(() => charges.locator('svg.recharts-surface').count()).toBe(1);
    expect(await charges.getByRole('table', { name: 'Charges created day by day' }).getByRole('cell', { name: '1', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('usage-chart-sms').textContent()).toContain('Nothing recorded yet this period.');

    // The invoice the period's end issued: open, with its Pay button.
    const invoices = page.getByRole('region', { name: 'Invoices', exact: true });
    await expect.poll(() => invoices.getByTestId(`invoice-status-${invoice!.number}`).textContent()).toBe('Open');
    expect(await invoices.getByRole('row', { name: new RegExp(invoice!.number) }).textContent()).toContain(due);
    expect(await page.getByRole('button', { name: `Pay ${due} for ${invoice!.number} by card` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `PDF of ${invoice!.number}` }).count()).toBe(1);
    await expectAccessible(page, 'billing page');

    // The status filter lives in the URL.
    await page.getByLabel('Status', { exact: true }).selectOption('paid');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('paid');
    await expect.poll(() => page.getByText('No invoices with this status.').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByText('No invoices with this status.').count()).toBe(1);
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('paid');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => invoices.getByTestId(`invoice-status-${invoice!.number}`).count()).toBe(1);

    // Another plan, asked first; the page then shows it.
    const starter = page.getByTestId('plan-starter');
    expect(await starter.textContent()).toContain('€49.00 a month');
    await starter.getByRole('button', { name: 'Move to Starter' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('The new price is €49.00 a month.');
    await expectAccessible(page, 'change plan dialog');
    await dialog.getByRole('button', { name: 'Move to Starter' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your plan is now Starter.' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('plan-name').textContent()).toBe('Starter');
    expect(await page.getByTestId('plan-starter').textContent()).toContain('Current plan');
    expect((await must(owner.GET('/api/v1/billing/subscription'))).plan).toBe('starter');
    await expectAccessible(page, 'billing page on the new plan');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'billing');

    // Pay: to Stripe Checkout (the stand-in), for what is due.
    await page.getByRole('button', { name: `Pay ${due} for ${invoice!.number} by card` }).click();
    await expectPageShape(page, 'Stripe Checkout stand-in');
    const sessionId = checkout.sessionId()!;
    const asked = (await (await fetch(`${server().stripe.url}/v1/checkout/sessions/${sessionId}`, { headers: { authorization: `Bearer ${server().stripe.secretKey}` } })).json()) as { amount_total: number; success_url: string };
    expect(asked.amount_total).toBe(invoice!.amountDueMinor);
    expect(asked.success_url).toContain(`/billing?invoice=${invoice!.id}&paid=1`);

    // Back from Stripe before its webhook: being confirmed, never "paid".
    await page.goto(`/t/${BILLED_TENANT}/billing?invoice=${invoice!.id}&paid=1`);
    await expectPageShape(page, 'Billing');
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toContain(`Your payment of ${due} for ${invoice!.number} is being confirmed`);
    expect(await invoices.getByTestId(`invoice-status-${invoice!.number}`).textContent()).toBe('Open');
    await expectAccessible(page, 'payment being confirmed');
    const delivered = await stripePaidInvoice({ slug: BILLED_TENANT }, sessionId, { email: OWNER, name: 'Manager' });
    expect(delivered.status).toBe(200);
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 15_000 }).toBe(`Invoice ${invoice!.number} is paid (${due}). Thank you.`);
    await expect.poll(() => invoices.getByTestId(`invoice-status-${invoice!.number}`).textContent()).toMatch(/^Paid on /);
    expect(await page.getByRole('button', { name: `Pay ${due} for ${invoice!.number} by card` }).count()).toBe(0);
    await expectAccessible(page, 'invoice paid');
    expect(problems).toEqual([]);
  });
});
