import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

// A 1×1 PNG, served for the logo address the test types (the browser has no network).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function signIn(page: Page) {
  await page.getByLabel('Email').fill(server().adminEmail);
  await page.getByLabel('Password').fill(server().adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The value shown beside a term of the page's facts. */
const fact = (page: Page, term: string) => page.locator('dt', { hasText: new RegExp(`^${term}$`) }).first().locator('xpath=following-sibling::dd[1]').textContent();

describe("a tenant's page in the console", () => {
  it('lets an operator filter the list, open a tenant, brand it, manage its domains, suspend and resume it, reissue its licence and change its plan', async () => {
    await createTenant('rowan', { domains: ['old.rowan.test'] });
    const { page, problems } = await openPage(browser);
    await page.route('https://logo.example/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
    await page.goto('/console/tenants');
    await signIn(page);
    await expectPageShape(page, 'Tenants');

    // The status filter lives in the URL beside the search.
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Suspended' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('suspended');
    await expect.poll(() => page.getByRole('cell', { name: 'Rowan Estate' }).count()).toBe(0);
    await expectAccessible(page, 'tenants list filtered by status');
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('active');
    await page.getByRole('searchbox', { name: 'Search' }).fill('rowan');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('rowan');
    expect(new URL(page.url()).searchParams.get('status')).toBe('active');

    await page.getByRole('link', { name: 'Rowan Estate' }).click();
    await expectPageShape(page, 'Rowan Estate');
    expect(new URL(page.url()).pathname).toBe('/console/tenants/rowan');
    await expect.poll(() => fact(page, 'Status')).toBe('Active');
    expect(await fact(page, 'Database placement')).toMatch(/^Pooled/);
    await expect.poll(() => fact(page, 'Members limit')).toBe('5,000');
    await expectAccessible(page, 'tenant page');

    // Branding: the preview follows the fields as they are typed, before anything is saved.
    const branding = page.getByRole('region', { name: 'Branding' });
    const bar = page.getByTestId('preview-bar');
    await branding.getByLabel('Display name').fill('Rowan Homes');
    await branding.getByLabel('Primary colour').fill('#7a1f3d');
    await branding.getByLabel('Logo URL').fill('https://logo.example/rowan.png');
    await expect.poll(() => bar.textContent()).toContain('Rowan Homes');
    await expect.poll(() => bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 61)');
    expect(await bar.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    const logo = bar.getByRole('img', { name: 'Logo' });
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await logo.getAttribute('src')).toBe('https://logo.example/rowan.png');
    await expectAccessible(page, 'branding preview');
    await branding.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => branding.getByRole('status').textContent()).toBe('Branding saved.');
    await page.reload();
    await expectPageShape(page, 'Rowan Estate');
    expect(await page.getByRole('region', { name: 'Branding' }).getByLabel('Primary colour').inputValue()).toBe('#7a1f3d');

    // Domains: add one, then remove the other after confirming.
    const domains = page.getByRole('region', { name: 'Domains' });
    await domains.getByLabel('Domain', { exact: true }).fill('portal.rowan.test');
    await domains.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => domains.getByRole('listitem').allTextContents()).toEqual(['old.rowan.testRemove old.rowan.test', 'portal.rowan.testRemove portal.rowan.test']);
    expect(await domains.getByLabel('Domain', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page, 'domain added');
    await domains.getByRole('button', { name: 'Remove old.rowan.test' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Remove old.rowan.test?');
    await expectAccessible(page, 'remove domain dialog');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => domains.getByRole('listitem').count()).toBe(1);
    expect(await domains.getByRole('link').allTextContents()).toEqual(['portal.rowan.test']);

    // Suspend, then resume: only the actions the status allows are offered.
    const status = page.getByRole('region', { name: 'Status', exact: true });
    expect(await status.getByRole('button').allTextContents()).toEqual(['Suspend', 'Archive']);
    await status.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Suspend Rowan Estate?');
    await expectAccessible(page, 'suspend dialog');
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => fact(page, 'Status')).toBe('Suspended');
    expect(await status.getByRole('button').allTextContents()).toEqual(['Resume', 'Archive']);
    await expectAccessible(page, 'suspended tenant');
    await status.getByRole('button', { name: 'Resume' }).click();
    await dialog.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => fact(page, 'Status')).toBe('Active');
    expect(await status.getByRole('button').allTextContents()).toEqual(['Suspend', 'Archive']);

    // Reissue the licence without Webhooks and with a members limit of its own.
    const licence = page.getByRole('region', { name: 'Licence' });
    expect(await fact(page, 'Modules')).toContain('Webhooks');
    await licence.getByRole('button', { name: 'Reissue licence' }).click();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Reissue the licence of Rowan Estate?');
    expect(await dialog.getByRole('checkbox', { name: 'Webhooks' }).isChecked()).toBe(true);
    await dialog.getByText('Webhooks', { exact: true }).click();
    expect(await dialog.getByRole('checkbox', { name: 'Webhooks' }).isChecked()).toBe(false);
    await dialog.getByLabel('Members limit').fill('42');
    await expectAccessible(page, 'reissue licence dialog');
    await dialog.getByRole('button', { name: 'Reissue licence' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => fact(page, 'Members limit')).toBe('42');
    expect(await fact(page, 'Modules')).not.toContain('Webhooks');
    expect(await fact(page, 'Users limit')).toBe('50');
    await expectAccessible(page, 'licence reissued');

    // A new plan reissues the licence from that plan.
    const plan = page.getByRole('region', { name: 'Plan', exact: true });
    expect(await fact(page, 'Plan')).toBe('Standard');
    await plan.getByRole('button', { name: /Standard/ }).click();
    await page.getByRole('option', { name: 'Enterprise' }).click();
    await plan.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => plan.getByRole('status').textContent()).toBe('Plan changed; the licence was reissued.');
    await expect.poll(() => fact(page, 'Plan')).toBe('Enterprise');
    await expect.poll(() => fact(page, 'Licensed plan')).toBe('enterprise');
    await expectAccessible(page, 'plan changed');
    expect(problems).toEqual([]);
  });
});
