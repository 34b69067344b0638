import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, expectAccessible, expectPageShape, openPage, screenshot, server } from './browser.js';

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

describe("the console's billing", () => {
  it('shows revenue, dunning and tax rates, runs the period end, keeps a tenant’s billing details, lists invoices by filter, and marks an invoice paid', async () => {
    // Chestnut's first period ended and was invoiced in the global setup (billed-tenant.ts).
    const { page, problems } = await openPage(browser);
    page.setDefaultTimeout(10_000);
    await page.goto('/console/billing');
    await signIn(page);
    await expectPageShape(page, 'Billing');

    // Revenue and dunning: the sections and their tables are there. The only tenant behind is
    // hornbeam (read-only, until the read-only journey pays: then none is); chestnut's invoice is not due.
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Monthly recurring revenue', 'Invoiced in the last 12 months', 'Tenants in dunning', 'Tax rates']);
    const dunning = page.getByRole('region', { name: 'Tenants in dunning' });
    await expect.poll(() => dunning.getByRole('table', { name: 'Tenants in dunning' }).getByRole('columnheader').allTextContents()).toEqual(['Tenant', 'Status', 'Dunning stage', 'Period ends']);
    await expect.poll(() => dunning.getByRole('cell').count()).toBeGreaterThan(0);
    const behind = (await dunning.getByRole('row').allTextContents()).slice(1);
    if (behind[0] === 'No tenant is behind on payment.') expect(behind).toHaveLength(1);
    else expect(behind).toEqual([expect.stringMatching(/^Hornbeam Estate.*Read-only/)]);
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
    const invoiceLink = billing.getByTestId('tenant-invoices').getByRole('link', { name: /^INV-\d{4}-\d{6}$/ });
    await expect.poll(() => invoiceLink.count()).toBe(1);
    const number = (await invoiceLink.textContent())!;
    await expectAccessible(page, 'tenant billing');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'console-tenant-billing');

    // The invoices list, filtered to the tenant from its page: the filters live in the URL.
    await billing.getByRole('link', { name: 'All invoices of this tenant' }).click();
    await expectPageShape(page, 'Invoices');
    expect(new URL(page.url()).searchParams.get('tenant')).toBe('chestnut');
    expect(await page.getByLabel('Tenant').inputValue()).toBe('chestnut');
    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Kind').selectOption('invoice');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tenant=chestnut&status=open&kind=invoice');
    await expectAccessible(page, 'invoices list');

    // The invoice's page: lines, totals, PDF, and marked paid by bank transfer.
    await page.getByRole('link', { name: number }).click();
    await expectPageShape(page, `Invoice ${number}`);
    expect(await fact(page, 'Status')).toBe('Open');
    const rows = await page.getByRole('rowheader').allTextContents();
    expect(rows[0]).toMatch(/^Standard plan, /);
    expect(rows.slice(1)).toEqual(['Subtotal', 'Tax (0%)', 'Total', 'Amount due']);
    expect(await page.getByRole('row', { name: /^Amount due/ }).textContent()).toContain('€199.00');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    expect((await download).suggestedFilename()).toBe(`${number}.pdf`);
    await expectAccessible(page, 'invoice page');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'console-invoice');

    await page.getByRole('button', { name: 'Issue credit note' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`Issue a credit note against ${number}?`);
    await expectAccessible(page, 'credit note dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByRole('button', { name: 'Mark paid by bank transfer' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`Record the bank transfer that paid ${number}?`);
    await dialog.getByRole('button', { name: 'Mark paid', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe("Enter the transfer's reference, as the bank shows it.");
    await dialog.getByLabel('Transfer reference').fill('TRF-77');
    await expectAccessible(page, 'mark paid dialog');
    await dialog.getByRole('button', { name: 'Mark paid', exact: true }).click();
    await expect.poll(() => fact(page, 'Status')).toBe('Paid');
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
