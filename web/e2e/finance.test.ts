import { generate } from 'otplib';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';
import { enrolManager, managerApi, postCharge } from './finance-setup.js';

let browser: Browser;
let maple: { slug: string; email: string };
let memberId: string;
beforeAll(async () => {
  browser = await connect();
  maple = await createTenant('maple');
  memberId = await createMember(maple, 'Grace', 'Hopper');
  // An older charge: a payment settles it before the one the journey creates.
  await postCharge(await managerApi(maple), { memberId, amount: 3000, dueDate: '2025-12-01', description: 'Levy December' });
});
afterAll(() => browser?.close());

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function chooseMember(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Member' }).fill(name.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

async function go(page: Page, link: string, title: string, what: string) {
  await page.getByRole('link', { name: new RegExp(`^${link}`) }).first().click();
  await expectPageShape(page, title);
  await expectAccessible(page, what);
}

describe('finance in the workspace', () => {
  it('lets the treasurer charge a member, record a payment with its allocation preview, void a charge, issue a statement and export the reports', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${maple.slug}/finance`);
    await page.getByLabel('Email').fill(maple.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Finance');
    const sub = page.getByRole('navigation', { name: 'Finance' });
    expect(await sub.getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
      ['charges', 'payments', 'statements', 'reports', 'billing-runs', 'schedules', 'late-fees', 'bank-imports', 'stripe'].map((p) => `/t/${maple.slug}/finance/${p}`),
    );
    await expect.poll(() => page.getByRole('link', { name: 'Grace Hopper' }).count()).toBe(1); // in arrears already
    await expectAccessible(page, 'finance home');

    // A charge, in major units: 120.50 is 12050 cents.
    await go(page, 'Charges', 'Charges', 'charges list');
    await page.getByRole('link', { name: 'New charge' }).click();
    await expectPageShape(page, 'New charge');
    await expectAccessible(page, 'new charge form');
    await chooseMember(page, 'Grace Hopper');
    await page.getByRole('textbox', { name: 'Amount' }).fill('120.50');
    await page.getByRole('textbox', { name: 'Description' }).fill('Levy March');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Levy March');
    expect(await page.getByText('€120.50').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'charge page');

    // The list filters in the URL.
    await page.getByRole('link', { name: 'Charges' }).click();
    await expectPageShape(page, 'Charges');
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Open', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('open');
    await expect.poll(() => page.getByRole('link', { name: 'Levy March' }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('december');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('december');
    await expect.poll(() => page.getByRole('link', { name: 'Levy March' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Levy December' }).count()).toBe(1);

    // A payment of 200.00: the preview settles December first, then March, and keeps 49.50 as credit.
    await page.goto(`/t/${maple.slug}/finance/payments`);
    await expectPageShape(page, 'Payments');
    await expectAccessible(page, 'payments list');
    await page.getByRole('link', { name: 'New payment' }).click();
    await expectPageShape(page, 'New payment');
    const preview = page.getByTestId('allocation-preview');
    await chooseMember(page, 'Grace Hopper');
    await page.getByRole('textbox', { name: 'Amount' }).fill('200');
    await expect.poll(() => preview.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/Description\s+Due date\s+Settles\s+Still owed/),
      expect.stringMatching(/Levy December\s+Dec 1, 2025\s+€30\.00\s+Paid in full/),
      expect.stringMatching(/Levy March\s+.*€120\.50\s+Paid in full/),
    ]);
    expect(await preview.textContent()).toContain('Credit left: €49.50');
    // Less money settles the oldest, then part of the next.
    await page.getByRole('textbox', { name: 'Amount' }).fill('50');
    await expect.poll(() => preview.textContent()).toMatch(/Levy March.*€20\.00.*€100\.50.*Credit left: €0\.00/);
    await page.getByRole('textbox', { name: 'Amount' }).fill('200');
    await expectAccessible(page, 'new payment form with its preview');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([expect.stringMatching(/^Payment of €200\.00 on /)]);
    await expect.poll(() => page.getByRole('link', { name: 'Open charge' }).count()).toBe(2);
    await expectAccessible(page, 'payment page');

    // Voiding March's charge asks first, and for a code from the authenticator app (a step-up:
    // voids move money); its €120.50 goes back to credit.
    const secret = await enrolManager(maple);
    await page.getByRole('link', { name: 'Open charge' }).last().click();
    await expectPageShape(page, 'Levy March');
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByRole('heading', { name: 'Void this charge?' }).count()).toBe(1);
    await expectAccessible(page, 'void confirmation');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Charged twice');
    await dialog.getByRole('button', { name: 'Void' }).click();
    // The code that confirmed the enrolment was taken: the next 30-second step's code steps up.
    await dialog.getByLabel('Code from your authenticator app').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await expectAccessible(page, 'void confirmation asking for a code');
    await dialog.getByRole('button', { name: 'Void' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText('Released to credit').count()).toBe(1);
    expect(await page.getByRole('definition').allTextContents()).toContain('Void');
    expect(await page.getByRole('button', { name: 'Void' }).count()).toBe(0);

    // A statement for this month, then its PDF.
    await page.goto(`/t/${maple.slug}/finance/statements`);
    await expectPageShape(page, 'Statements');
    await expectAccessible(page, 'statements list');
    await page.getByRole('link', { name: 'New statement' }).click();
    await expectPageShape(page, 'New statement');
    await expectAccessible(page, 'new statement form');
    await chooseMember(page, 'Grace Hopper');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Statements');
    await expect.poll(() => new URL(page.url()).searchParams.get('memberId')).toBe(memberId);
    const pdfButton = page.getByRole('button', { name: /^PDF of the statement/ });
    await expect.poll(() => pdfButton.count()).toBe(1);
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'statements of a member');

    // Each report as a table, and as CSV.
    const reports: [string, RegExp][] = [
      ['Trial balance', /code,name,type,currency,debit,credit,balance/],
      ['Arrears', /member,name,currency,current,1-30,31-60,61-90,90\+,total/],
      ['Income', /code,account,currency,income/],
      ['Collections', /currency,charges,charged,collected,written off,rate/],
    ];
    for (const [name, header] of reports) {
      await page.goto(`/t/${maple.slug}/finance/reports`);
      await expectPageShape(page, 'Reports');
      await go(page, name, name, `${name} report`);
      await expect.poll(() => page.getByRole('table').count()).toBe(1);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      expect(csv.suggestedFilename()).toMatch(/\.csv$/);
      expect((await bytesOf(csv)).toString('utf8')).toMatch(header);
    }
    expect(problems).toEqual([]);
  });
});
