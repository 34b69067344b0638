import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, expectAccessible, openPage, server, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

/** The page's shape once its (lazily loaded) title is there: the machine may be slow to serve a module's first chunk. */
async function shape(page: Page, title: string | RegExp, what: string) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents(), { timeout: 20_000 }).toEqual([typeof title === 'string' ? title : expect.stringMatching(title)]);
  expect(await page.getByRole('main').count()).toBe(1);
  await expectAccessible(page, what);
}

/** A module of the workspace, by its link in the left navigation. */
async function module(page: Page, name: string, title = name) {
  await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name }).click();
  await shape(page, title, `${name} (module)`);
}

/** One of finance's pages, by its card on the finance home page. */
async function financePage(page: Page, name: string) {
  await module(page, 'Finance');
  await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await shape(page, name, `${name} (finance)`);
}

/** A react-aria Select: open it by its label, pick the option. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function pick(page: Page, label: string, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).fill(text);
  await page.getByRole('option', { name: option }).click();
}

/** Types a day into a react-aria date field: its first segment, then the digits (day and month are the same here, so the locale's order does not matter). */
async function typeDay(page: Page, label: string, digits: string) {
  await page.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(digits);
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/**
 * Issue 11's "done when": someone new to Courtyard, starting from its address alone, creates a
 * tenant as the operator, then as its manager sets up an estate, lets a unit, bills a month and
 * records the payment, finding every page through the navigation, links and buttons.
 */
describe('a first journey through Courtyard', () => {
  it('goes from the console to a paid month of rent and its statement without typing another address', async () => {
    const { page, problems } = await openPage(browser);
    // The one address typed: every later page is reached by a click. page.goto refuses after it.
    const typed: string[] = [];
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      typed.push(url);
      if (typed.length > 1) throw new Error(`the journey typed a second address: ${url}`);
      return goto(url, options);
    };
    await page.goto('/');

    // The operator signs in to the console and creates the tenant.
    await shape(page, 'Sign in to the Courtyard console', 'console sign-in');
    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shape(page, 'Tenants', 'tenants list');
    await page.getByRole('link', { name: 'New tenant' }).click();
    await shape(page, 'New tenant', 'new tenant form');
    await page.getByLabel('Name', { exact: true }).fill('Sorrel Gardens');
    await page.getByLabel('Slug').fill('sorrel');
    await page.getByLabel('Administrator name').fill('Sam Sorrel');
    await page.getByLabel('Administrator email').fill('sam@sorrel.test');
    await page.getByLabel('Administrator password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent(), { timeout: 30_000 }).toBe('Sorrel Gardens is ready.');
    await expectAccessible(page, 'provisioned tenant');
    await page.getByRole('link', { name: 'Open the workspace of Sorrel Gardens' }).click();

    // Its administrator signs in to the new workspace.
    await shape(page, 'Sign in to your workspace', 'workspace sign-in');
    expect(new URL(page.url()).pathname).toBe('/t/sorrel/');
    await page.getByLabel('Email').fill('sam@sorrel.test');
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shape(page, 'Welcome to Sorrel Gardens', 'workspace home');

    // A property with one unit.
    await module(page, 'Properties');
    await page.getByRole('link', { name: 'New property' }).click();
    await shape(page, 'New property', 'new property form');
    await field(page, 'Name').fill('Sorrel Court');
    await field(page, 'Address line 1').fill('3 Sorrel Lane');
    await field(page, 'City').fill('York');
    await field(page, 'Country').fill('gb');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Sorrel Court', 'property page');
    await page.getByRole('button', { name: 'New unit' }).click();
    await field(page, 'Label').fill('S-1');
    await field(page, 'Participation share').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'S-1, Sorrel Court', 'unit page');

    // The renter.
    await module(page, 'Members');
    await page.getByRole('link', { name: 'New member' }).click();
    await shape(page, 'New member', 'new member form');
    await field(page, 'First name').fill('Rowan');
    await field(page, 'Last name').fill('Reed');
    await choose(page, 'Type', 'Renter');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Rowan Reed', 'member page');
    expect(typed).toEqual(['/']);

    // The unit let to her from January 2025 at 950.00 a month, then activated.
    await module(page, 'Leases');
    await page.getByRole('link', { name: 'New lease' }).click();
    await shape(page, 'New lease', 'new lease form');
    await pick(page, 'Unit', 'S-1', /^S-1/);
    await pick(page, 'Add a renter', 'Rowan', /Rowan Reed/);
    await expect.poll(() => page.getByRole('button', { name: 'Remove Rowan Reed' }).count()).toBe(1);
    await typeDay(page, 'Start date', '01012025');
    await field(page, 'Rent amount').fill('950');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Lease of S-1', 'draft lease');
    await expect.poll(() => page.getByText('€950.00 monthly').count()).toBe(1);
    await page.getByRole('button', { name: 'Activate' }).click();
    const activate = page.getByRole('alertdialog', { name: 'Activate this lease?' });
    await activate.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => activate.count()).toBe(0);
    await expect.poll(() => page.getByText('Active', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'active lease');

    // A rent schedule over the property, from January 2025.
    await financePage(page, 'Schedules');
    await page.getByRole('link', { name: 'New schedule' }).click();
    await shape(page, 'New schedule', 'new schedule form');
    await choose(page, 'Kind', 'Rent');
    await field(page, 'Name').fill('Rent');
    await choose(page, 'Property', 'Sorrel Court');
    await field(page, 'Start period').fill('2025-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Rent', 'schedule page');

    // January 2025 billed: the dry run shows the rent, the run (confirmed) creates it.
    await page.getByRole('link', { name: 'New billing run' }).click();
    await shape(page, 'New billing run', 'new billing run form');
    expect(await page.getByRole('checkbox', { name: /^Rent \(Rent/ }).isChecked()).toBe(true);
    await field(page, 'Period').fill('2025-01');
    await page.getByRole('button', { name: 'Dry run' }).click();
    const wouldCharge = page.getByRole('region', { name: 'Charges it would create', exact: true });
    await expect.poll(() => wouldCharge.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    expect(await wouldCharge.textContent()).toMatch(/Rowan Reed.*€950\.00/);
    await expectAccessible(page, 'billing run dry run');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start' }).click();
    await shape(page, /^Billing run January 2025$/, 'billing run page');
    await expect.poll(() => page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
    await expect.poll(() => page.getByText('100 % · Completed').count()).toBe(1);
    expect(typed).toEqual(['/']);

    // Her page shows the charge, open.
    await module(page, 'Members');
    await page.getByRole('link', { name: 'Rowan Reed' }).click();
    await shape(page, 'Rowan Reed', 'member page with a charge');
    const charges = page.getByRole('table', { name: 'Charges' });
    await expect.poll(() => charges.getByRole('row').count()).toBe(2);
    expect(await charges.getByRole('row').nth(1).textContent()).toMatch(/€950\.00.*€950\.00.*Open/);

    // Her payment: the preview settles the charge in full.
    await financePage(page, 'Payments');
    await page.getByRole('link', { name: 'New payment' }).click();
    await shape(page, 'New payment', 'new payment form');
    await pick(page, 'Member', 'Rowan', /Rowan Reed/);
    await field(page, 'Amount').fill('950');
    const preview = page.getByTestId('allocation-preview');
    await expect.poll(() => preview.getByRole('row').allInnerTexts()).toEqual([expect.stringMatching(/Description/), expect.stringMatching(/€950\.00\s+Paid in full/)]);
    expect(await preview.textContent()).toContain('Credit left: €0.00');
    await expectAccessible(page, 'new payment with its preview');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, /^Payment of €950\.00 on /, 'payment page');
    await page.getByRole('link', { name: 'Open charge' }).click();
    await expect.poll(() => page.getByRole('definition').allTextContents(), { timeout: 20_000 }).toContain('Paid');
    await expectAccessible(page, 'paid charge');

    // She owes nothing now.
    await module(page, 'Members');
    await page.getByRole('link', { name: 'Rowan Reed' }).click();
    await shape(page, 'Rowan Reed', 'member page, paid up');
    await expect.poll(() => page.getByRole('region', { name: 'Balance' }).getByRole('listitem').allTextContents()).toEqual(['€0.00']);
    await expect.poll(() => charges.getByRole('row').nth(1).textContent()).toMatch(/€950\.00.*€0\.00.*Paid/);
    expect(typed).toEqual(['/']);

    // Her statement since January 2025, as a PDF.
    await financePage(page, 'Statements');
    await page.getByRole('link', { name: 'New statement' }).click();
    await shape(page, 'New statement', 'new statement form');
    await pick(page, 'Member', 'Rowan', /Rowan Reed/);
    await typeDay(page, 'From', '01012025');
    await page.getByRole('button', { name: 'Save' }).click();
    await shape(page, 'Statements', 'statements of the member');
    const pdfButton = page.getByRole('button', { name: /^PDF of the statement/ });
    await expect.poll(() => pdfButton.count()).toBe(1);
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(typed).toEqual(['/']);
    expect(problems).toEqual([]);
  }, 300_000);
});
