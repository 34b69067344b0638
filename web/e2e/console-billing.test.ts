import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

async function signIn(page: Page) {
  await page.getByLabel('Email').fill(server().adminEmail);
  await page.getByLabel('Password').fill(server().adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The value shown beside a term of a description list. */
const fact = (scope: Page | ReturnType<Page['getByRole']>, term: string) => scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).first().locator('xpath=following-sibling::dd[1]').textContent();

/**
 * An invoice as the API serves it. The e2e server runs on the real clock and its database is
 * out of this file's reach, so no billing period of a tenant made here can end: the invoice's
 * page is driven against this one, served in the browser's place (its GET, its PDF and the
 * payment's POST, whose body is checked), after the real pages have been shown empty.
 */
const INVOICE_ID = '0190c0de-0000-7000-8000-00000000c4e5';
function fixtureInvoice(tenantId: string): Record<string, unknown> {
  return {
    id: INVOICE_ID, tenantId, number: 'INV-2026-000042', kind: 'invoice', corrects: null, plan: 'standard',
    periodStart: '2026-01-01T00:00:00.000Z', periodEnd: '2026-02-01T00:00:00.000Z', status: 'open', currency: 'EUR',
    lines: [
      { kind: 'base', description: 'Standard plan', meter: null, quantity: 1, unitAmountMinor: 4_900, flatAmountMinor: 0, amountMinor: 4_900, usage: null },
      { kind: 'usage', description: 'SMS messages', meter: 'sms', quantity: 150, unitAmountMinor: 5, flatAmountMinor: 0, amountMinor: 750, usage: 250 },
    ],
    subtotalMinor: 5_650, taxRateBp: 2_100, taxMinor: 1_187, totalMinor: 6_837, creditedMinor: 0, amountDueMinor: 6_837,
    billTo: { name: 'Chestnut Estate', slug: 'chestnut', country: 'ES', email: 'accounts@chestnut.test' },
    issuedAt: '2026-02-01T00:05:00.000Z', dueAt: '2026-02-15T00:05:00.000Z', paidAt: null, paidVia: null, paymentReference: null,
  };
}

describe("the console's billing", () => {
  it('shows revenue, dunning and tax rates, runs the period end, keeps a tenant’s billing details, lists invoices by filter, and marks an invoice paid', async () => {
    await createTenant('chestnut');
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(10_000);
    await page.goto('/console/billing');
    await signIn(page);
    await expectPageShape(page, 'Billing');

    // Revenue and dunning: the sections and their tables are there; no tenant is behind.
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Monthly recurring revenue', 'Invoiced in the last 12 months', 'Tenants in dunning', 'Tax rates']);
    const dunning = page.getByRole('region', { name: 'Tenants in dunning' });
    await expect.poll(() => dunning.getByRole('table', { name: 'Tenants in dunning' }).getByRole('columnheader').allTextContents()).toEqual(['Tenant', 'Status', 'Dunning stage', 'Period ends']);
    await expect.poll(() => dunning.getByRole('cell').first().textContent()).toBe('No tenant is behind on payment.');
    const mrr = page.getByRole('region', { name: 'Monthly recurring revenue' });
    await expect.poll(async () => (await mrr.getByRole('table').count()) + (await mrr.getByText('No subscription brings in revenue yet.').count())).toBe(1);
    await expectAccessible(page, 'billing page');

    // Close ended periods now: nothing has ended on the real clock, so nothing is issued.
    await page.getByRole('button', { name: 'Close ended periods now' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Close every billing period that has ended?');
    await expectAccessible(page, 'billing run dialog');
    await dialog.getByRole('button', { name: 'Close ended periods now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'issued' }).textContent()).toMatch(/^\d+ invoices? issued, \d+ periods? renewed, 0 failed\.$/);

    // Tax rates: a wrong rate is refused on its field; set Portugal's, then remove it.
    const tax = page.getByRole('region', { name: 'Tax rates' });
    await tax.getByLabel('Country').fill('pt');
    await tax.getByLabel('Tax name').fill('IVA');
    await tax.getByLabel('Rate (%)').fill('230');
    await tax.getByRole('button', { name: 'Set tax rate' }).click();
    await expect.poll(() => tax.getByText('Use a percentage from 0 to 100 with up to two decimals.').count()).toBe(1);
    await tax.getByLabel('Rate (%)').fill('23');
    await tax.getByRole('button', { name: 'Set tax rate' }).click();
    const ptRow = tax.getByRole('row', { name: /^PT IVA 23%/ });
    await expect.poll(() => ptRow.count()).toBe(1);
    expect(await tax.getByLabel('Country').inputValue()).toBe('');
    await expectAccessible(page, 'tax rate set');
    await ptRow.getByRole('button', { name: 'Remove PT' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Remove the tax rate of PT?');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => ptRow.count()).toBe(0);

    // The tenant's billing: subscription, details, cancel at period end and back, usage, invoices.
    await page.goto('/console/tenants/chestnut');
    await expectPageShape(page, 'Chestnut Estate');
    const billing = page.getByRole('region', { name: 'Billing', exact: true });
    await expect.poll(() => fact(billing, 'Plan')).toMatch(/^Standard · /);
    expect(await fact(billing, 'Status')).toMatch(/^(Active|On trial)$/);
    expect(await fact(billing, 'Dunning stage')).toBe('None');
    expect(await fact(billing, 'Cancels at period end')).toBe('No');
    await billing.getByLabel('Billing country').fill('es');
    await billing.getByLabel('Billing e-mail').fill('accounts@chestnut.test');
    await billing.getByRole('button', { name: 'Save billing details' }).click();
    await expect.poll(() => billing.getByRole('status').textContent()).toBe('Billing details saved.');
    expect(await billing.getByLabel('Billing country').inputValue()).toBe('ES');
    await billing.getByRole('button', { name: 'Cancel at period end' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Cancel the subscription of Chestnut Estate at the end of its period?');
    await expectAccessible(page, 'cancel at period end dialog');
    await dialog.getByRole('button', { name: 'Cancel at period end' }).click();
    await expect.poll(() => fact(billing, 'Cancels at period end')).toBe('Yes');
    await billing.getByRole('button', { name: 'Keep renewing' }).click();
    await expect.poll(() => fact(billing, 'Cancels at period end')).toBe('No');
    await expect.poll(() => billing.getByText('Usage in the last 30 days').count()).toBe(1);
    await expect.poll(() => billing.getByTestId('tenant-invoices').getByRole('cell').first().textContent()).toBe('No invoice yet.');
    await expectAccessible(page, 'tenant billing');

    // The invoices list, filtered to the tenant from its page: the filters live in the URL.
    await billing.getByRole('link', { name: 'All invoices of this tenant' }).click();
    await expectPageShape(page, 'Invoices');
    expect(new URL(page.url()).searchParams.get('tenant')).toBe('chestnut');
    expect(await page.getByLabel('Tenant').inputValue()).toBe('chestnut');
    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Kind').selectOption('invoice');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tenant=chestnut&status=open&kind=invoice');
    await expect.poll(() => page.getByRole('region', { name: 'Invoices' }).getByRole('cell').first().textContent()).toBe('Nothing here yet.');
    await expectAccessible(page, 'invoices list');

    // An invoice's page (served as the API would, see fixtureInvoice): lines, totals, PDF, marked paid.
    let invoice = fixtureInvoice('0190c0de-0000-7000-8000-0000000000c1');
    let paidWith: unknown = null;
    const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route((url) => url.pathname === '/control/v1/invoices' && url.searchParams.get('tenant') === 'chestnut', (route) => json(route, { data: [invoice], nextCursor: null }));
    await page.route(`**/control/v1/invoices/${INVOICE_ID}`, (route) => json(route, invoice));
    await page.route(`**/control/v1/invoices/${INVOICE_ID}/pdf`, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', headers: { 'content-disposition': 'inline; filename="INV-2026-000042.pdf"' }, body: '%PDF-1.4\n%%EOF\n' }));
    await page.route(`**/control/v1/invoices/${INVOICE_ID}/payments`, async (route) => {
      paidWith = route.request().postDataJSON();
      invoice = { ...invoice, status: 'paid', amountDueMinor: 0, paidAt: '2026-02-10T09:00:00.000Z', paidVia: 'bank_transfer', paymentReference: 'TRF-77' };
      await json(route, invoice);
    });
    await page.reload();
    await expectPageShape(page, 'Invoices');
    await page.getByRole('link', { name: 'INV-2026-000042' }).click();
    await expectPageShape(page, 'Invoice INV-2026-000042');
    expect(await fact(page, 'Status')).toBe('Open');
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Standard plan', 'SMS messages', 'Subtotal', 'Tax (21%)', 'Total', 'Amount due']);
    expect(await page.getByRole('row', { name: /^Amount due/ }).textContent()).toContain('€68.37');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    expect((await download).suggestedFilename()).toBe('INV-2026-000042.pdf');
    await expectAccessible(page, 'invoice page');

    await page.getByRole('button', { name: 'Issue credit note' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Issue a credit note against INV-2026-000042?');
    await expectAccessible(page, 'credit note dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByRole('button', { name: 'Mark paid by bank transfer' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Record the bank transfer that paid INV-2026-000042?');
    await dialog.getByRole('button', { name: 'Mark paid', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe("Enter the transfer's reference, as the bank shows it.");
    expect(paidWith).toBeNull();
    await dialog.getByLabel('Transfer reference').fill('TRF-77');
    await expectAccessible(page, 'mark paid dialog');
    await dialog.getByRole('button', { name: 'Mark paid', exact: true }).click();
    await expect.poll(() => fact(page, 'Status')).toBe('Paid');
    expect(paidWith).toEqual({ reference: 'TRF-77' });
    expect(await fact(page, 'Paid by')).toBe('Bank transfer');
    expect(await fact(page, 'Transfer reference')).toBe('TRF-77');
    expect(await page.getByRole('button', { name: 'Mark paid by bank transfer' }).count()).toBe(0);
    await expectAccessible(page, 'invoice paid');

    // A plan's page sums up its pricing (read-only).
    await page.goto('/console/plans/standard');
    await expectPageShape(page, 'Standard');
    await expect.poll(() => page.getByRole('region', { name: 'Pricing' }).locator('p').first().textContent()).toMatch(/ a month · /);
    await expectAccessible(page, 'plan pricing');
    expect(problems).toEqual([]);
  });
});
