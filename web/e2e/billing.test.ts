import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { billingEstate, managerApi, openCharges, type BillingEstate } from './billing-setup.js';
import { enrolManager } from './finance-setup.js';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let larch: { slug: string; email: string };
let api: CourtyardClient;
let estate: BillingEstate;
beforeAll(async () => {
  browser = await connect();
  larch = await createTenant('larch');
  api = await managerApi(larch);
  estate = await billingEstate(api);
});
afterAll(() => browser?.close());

/** A react-aria Select: open it by its label, pick the option. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The page's shape once its (lazily loaded) title is there: the machine may be slow to serve the first chunk. */
async function shape(page: Page, title: string) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents(), { timeout: 20_000 }).toEqual([title]);
  await expectPageShape(page, title);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('finance billing', () => {
  it('creates a levy schedule, dry-runs and starts a billing run, sets the late-fee rule, and confirms a bank statement line', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${larch.slug}/finance/schedules`);
    await shape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(larch.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shape(page, 'Schedules');
    await expectAccessible(page, 'schedules');

    // A levy of 1,100.00 a month over the property's four units (shares 0.3, 0.3, 0.4, 0.1).
    await page.getByRole('link', { name: 'New schedule' }).click();
    await shape(page, 'New schedule');
    await expectAccessible(page, 'new schedule');
    await field(page, 'Name').fill('Service charge');
    await choose(page, 'Property', estate.propertyName);
    await field(page, 'Budget amount').fill('1100.00');
    await field(page, 'Start period').fill('2025-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Service charge');

    // The split per unit, from the API's dry run: the owners of A-01 share its part; A-04 has no owner.
    const split = page.getByRole('region', { name: 'Split per unit', exact: true }).last();
    await expect.poll(() => split.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => split.getByRole('row').nth(1).textContent()).toMatch(/A-01.*Ada Lovelace.*€150\.00.*Alan Turing.*€150\.00.*€300\.00/);
    expect(await split.getByRole('row').nth(4).textContent()).toMatch(/A-04.*€100\.00.*No owner/);
    await expectAccessible(page, 'schedule page');

    // A billing run of the month: the dry run first, every charge and every skip with its reason.
    await page.getByRole('link', { name: 'New billing run' }).click();
    await shape(page, 'New billing run');
    expect(await page.getByRole('checkbox', { name: /Service charge/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const wouldCharge = page.getByRole('region', { name: 'Charges it would create', exact: true });
    await expect.poll(() => wouldCharge.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => wouldCharge.textContent()).toMatch(/Grace Hopper.*€300\.00/);
    expect(await wouldCharge.textContent()).toMatch(/Edsger Dijkstra.*€400\.00/);
    const wouldSkip = page.getByRole('region', { name: 'Lines it would skip', exact: true });
    expect(await wouldSkip.getByRole('row').count()).toBe(2);
    expect(await wouldSkip.textContent()).toMatch(/A-04.*No owner on the period's first day.*€100\.00/);
    await expectAccessible(page, 'billing run dry run');

    // Start it (confirmed), then watch it to the end.
    await page.getByRole('button', { name: 'Start' }).click();
    const dialog = page.getByRole('alertdialog');
    await expectAccessible(page, 'start dialog');
    await dialog.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Billing run /);
    expect(new URL(page.url()).pathname).toMatch(/^\/t\/larch\/finance\/billing-runs\/[0-9a-f-]{36}$/);
    const progress = page.getByRole('progressbar', { name: 'Progress' });
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
    await expect.poll(() => page.getByText('100 % · Completed').count()).toBe(1);
    const items = page.getByRole('region', { name: 'Created and skipped', exact: true }).last();
    await expect.poll(() => items.getByRole('row').count(), { timeout: 15_000 }).toBe(6);
    await expect.poll(async () => (await items.getByRole('cell', { name: 'Created', exact: true }).count())).toBe(4);
    expect(await items.textContent()).toMatch(/Grace Hopper/);
    await expectAccessible(page, 'billing run page');
    const grace = estate.units[1]!.owners[0]!;
    const graceCharges = await openCharges(api, grace.id);
    expect(graceCharges.map((c) => [c.kind, c.amount, c.currency])).toEqual([['levy', 30_000, 'EUR']]);

    await page.getByRole('link', { name: 'Billing runs' }).first().click();
    await shape(page, 'Billing runs');
    await expectAccessible(page, 'billing runs');

    // The late-fee rule: 25.00 flat after 5 days, monthly.
    await page.getByRole('link', { name: 'Late fees' }).click();
    await shape(page, 'Late fees');
    await page.getByText('Enabled', { exact: true }).click();
    await field(page, 'Grace days').fill('5');
    await field(page, 'Amount').fill('2500');
    await choose(page, 'Repeat', 'Monthly while unpaid');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The late-fee rule is saved.');
    await expectAccessible(page, 'late fees');
    expect((await api.GET('/api/v1/finance/late-fee-rule')).data).toMatchObject({ enabled: true, graceDays: 5, kind: 'flat', amount: 2500, repeat: 'monthly' });

    // A bank statement: Grace paid her levy with her member id in the reference; a payment out is listed too.
    await page.getByRole('link', { name: 'Bank statements' }).click();
    await shape(page, 'Bank statements');
    await expectAccessible(page, 'bank imports');
    await page.getByRole('link', { name: 'New bank import' }).click();
    await shape(page, 'New bank import');
    const today = new Date().toISOString().slice(0, 10);
    const csv = `Booking date;Amount;Reference;Name\n${today};300,00;Levy ${grace.id};G HOPPER\n${today};-45,00;Gardening;GREEN LTD\n`;
    await page.getByLabel('Statement (CSV)').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('button', { name: /Amount column/ }).textContent()).toMatch(/Amount/);
    await choose(page, 'Decimal separator', 'Comma (1.234,56)');
    await expectAccessible(page, 'new bank import');
    await page.getByRole('button', { name: 'Upload' }).click();
    await shape(page, 'statement.csv');
    const lines = page.getByRole('region', { name: 'Lines', exact: true }).last();
    await expect.poll(() => lines.getByRole('row').count()).toBe(3);
    expect(await lines.getByRole('row').nth(1).textContent()).toMatch(/€300\.00.*Grace Hopper.*Confidence 95 %.*member id in the reference/);
    expect(await lines.getByRole('row').nth(2).textContent()).toMatch(/−€45\.00.*Money out/);
    expect(await page.getByRole('checkbox', { name: 'Confirm row 2' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Member who paid row 2' }).inputValue()).toBe('Grace Hopper');
    await expectAccessible(page, 'bank import review');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expectAccessible(page, 'confirm dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 payment recorded.');
    await expect.poll(() => lines.getByRole('row').nth(1).textContent()).toMatch(/Matched.*Grace Hopper/);
    expect(await openCharges(api, grace.id)).toEqual([]);

    // Stripe: the keys are write-only.
    await page.getByRole('link', { name: 'Bank statements' }).first().click();
    await shape(page, 'Bank statements');
    await page.getByRole('link', { name: 'Stripe' }).click();
    await shape(page, 'Stripe');
    await field(page, 'Secret key').fill('sk_test_1234567890abcdWXYZ');
    await field(page, 'Webhook secret').fill('whsec_0123456789abcdef');
    // Changing the keys needs a recent second factor: the treasurer gives a code from the app.
    const secret = await enrolManager(larch);
    await page.getByRole('button', { name: 'Save' }).click();
    // The code that confirmed the enrolment was taken: the next 30-second step's code steps up.
    await page.getByLabel('Code from your authenticator app').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await expectAccessible(page, 'stripe asking for a code');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The Stripe settings are saved.');
    expect(await field(page, 'Secret key').inputValue()).toBe('');
    expect(await page.getByText('sk_test_1234567890abcdWXYZ').count()).toBe(0);
    await expect.poll(() => page.getByText('Set, ending in WXYZ. Leave empty to keep it.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'stripe');
    expect(problems).toEqual([]);
  }, 240_000);
});
