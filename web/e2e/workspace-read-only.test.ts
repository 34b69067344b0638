import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourtyardClient, type CourtyardClient } from '../../sdk/src/index.js';
import { READ_ONLY_TENANT } from './billed-tenant.js';
import { accessTokenOf, connect, expectAccessible, expectPageShape, must, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';
import { standInCheckout, stripePaidInvoice } from './card-payments.js';

/**
 * A community that has not paid (tenant hornbeam, made by the global setup: invoiced a month ago,
 * 16 days overdue, made read-only by the dunning run; this month's invoice is not due yet): its people still read everything, every
 * change is refused with the reason, the banner says why on every page and leads to Billing;
 * the owner pays by card, and the workspace takes changes again the moment the webhook lands.
 */

const OWNER = `manager@${READ_ONLY_TENANT}.test`;
let browser: Browser;
let owner: CourtyardClient;

beforeAll(async () => {
  browser = await connect();
  const api = createCourtyardClient({ baseUrl: server().url, tenant: READ_ONLY_TENANT });
  const token = accessTokenOf(await must(api.POST('/api/v1/auth/login', { body: { email: OWNER, password: TENANT_PASSWORD } })));
  owner = createCourtyardClient({ baseUrl: server().url, tenant: READ_ONLY_TENANT, accessToken: () => token });
});
afterAll(() => browser?.close());


async function addMember(page: Page, first: string, last: string) {
  await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Members' }).click();
  await expectPageShape(page, 'Members');
  await page.getByRole('link', { name: 'New member' }).click();
  await expectPageShape(page, 'New member');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Save' }).click();
}

describe('a read-only workspace', () => {
  it('reads, refuses changes with the reason, leads to Billing, and takes changes again once the invoice is paid', async () => {
    expect((await must(owner.GET('/api/v1/billing/subscription'))).dunning).toBe('read_only');
    // Last month's invoice is overdue (the period since may have ended and been invoiced too, not yet due). Paying the overdue one restores the workspace.
    const open = (await must(owner.GET('/api/v1/billing/invoices', { params: { query: { status: 'open', limit: 10 } } }))).data;
    const overdue = open.filter((i) => new Date(i.dueAt) < new Date());
    expect(overdue).toHaveLength(1);
    const invoice = overdue[0];
    const due = new Intl.NumberFormat('en-GB', { style: 'currency', currency: invoice!.currency }).format(invoice!.amountDueMinor / 100);

    const { context, page, problems } = await openPage(browser);
    const checkout = await standInCheckout(context);
    await page.goto(`/t/${READ_ONLY_TENANT}/`);
    await page.getByLabel('Email').fill(OWNER);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Hornbeam Estate');

    // The banner, on every page but Billing: why, and where to pay.
    const banner = page.getByTestId('read-only-banner');
    await expect.poll(() => banner.textContent()).toContain('This workspace is read-only until the open invoices are paid');
    expect(await banner.textContent()).toContain('everyone can still read, but every change is refused');
    await expectAccessible(page, 'read-only home');

    // Reading works; a change is refused with the reason, and nothing is added.
    await addMember(page, 'Hana', 'Hornbeam');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'nothing can be changed until the open invoices are paid' }).count()).toBeGreaterThan(0);
    await expectPageShape(page, 'New member');
    expect(await banner.count()).toBe(1);
    await expectAccessible(page, 'a change refused');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'read-only');
    expect((await must(owner.GET('/api/v1/members', { params: { query: { q: 'Hornbeam', limit: 10 } } }))).data).toEqual([]);

    // The banner's link: Billing, with the open invoices and its own banner beside the Pay button.
    await page.getByRole('link', { name: 'Pay the open invoices in Billing' }).click();
    await expectPageShape(page, 'Billing');
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    await expect.poll(() => page.getByTestId('standing').textContent()).toContain('The workspace is read-only because an invoice is unpaid');
    await page.getByRole('button', { name: `Pay ${due} for ${invoice!.number} by card` }).click();
    await expectPageShape(page, 'Stripe Checkout stand-in');
    const sessionId = checkout.sessionId()!;

    // Paid: the webhook restores the workspace at once.
    await page.goto(`/t/${READ_ONLY_TENANT}/billing?invoice=${invoice!.id}&paid=1`);
    await expectPageShape(page, 'Billing');
    expect((await stripePaidInvoice({ slug: READ_ONLY_TENANT }, sessionId, { email: OWNER, name: 'Manager' })).status).toBe(200);
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 15_000 }).toBe(`Invoice ${invoice!.number} is paid (${due}). Thank you.`);
    expect((await must(owner.GET('/api/v1/billing/subscription'))).dunning).toBeNull();
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe('In good standing: no invoice is overdue.');

    await addMember(page, 'Hana', 'Hornbeam');
    await expectPageShape(page, 'Hana Hornbeam');
    expect(await banner.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
