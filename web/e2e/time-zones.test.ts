import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';

let browser: Browser;
let tamarind: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  tamarind = await createTenant('tamarind');
});
afterAll(() => browser?.close());

async function signIn(page: Page, path = '/', heading = 'Welcome to Tamarind Estate') {
  await page.goto(`/t/${tamarind.slug}${path}`);
  await expectPageShape(page, 'Sign in to your workspace');
  await page.getByLabel('Email').fill(tamarind.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, heading);
}

describe("the workspace's time zone and language", () => {
  it('are set in Settings: a zone that is no IANA name is refused at its field, a real one is kept', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPageShape(page, 'Settings');
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    expect(await zone.inputValue()).toBe('UTC');

    await zone.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save the time zone and language' }).click();
    await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'settings with a refused time zone');

    await zone.fill('pacific/tongatapu');
    // Typed, not picked from the list: leaving the field keeps the text, and the server spells it.
    await zone.press('Tab');
    await page.getByRole('button', { name: 'Save the time zone and language' }).click();
    await expect.poll(() => page.getByText('The time zone and language were saved.').count()).toBe(1);
    // Kept in its canonical spelling, and /me tells it after a reload.
    expect(await zone.inputValue()).toBe('Pacific/Tongatapu');
    await page.reload();
    await expectPageShape(page, 'Settings');
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Pacific/Tongatapu');
    await expectAccessible(page, 'settings with the time zone');
    expect(problems).toEqual([]);
  });

  it('offers the zones as a searchable list with their offsets, by keyboard', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPageShape(page, 'Settings');
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('honolulu');
    const option = page.getByRole('option', { name: /^Pacific\/Honolulu/ });
    await expect.poll(() => option.textContent()).toBe('Pacific/HonoluluUTC−10:00');
    await zone.press('ArrowDown');
    await zone.press('Enter');
    expect(await zone.inputValue()).toBe('Pacific/Honolulu');
    await expectAccessible(page, 'a zone picked from the list');
    // By offset: "+13" finds Tonga's zone; "new york" finds America/New_York.
    await zone.fill('+13');
    await expect.poll(() => page.getByRole('option', { name: /^Pacific\/Tongatapu/ }).count()).toBe(1);
    await zone.fill('new york');
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^America\/New_YorkUTC−0[45]:00$/)]);
    await zone.press('Escape');
    expect(problems).toEqual([]);
  });

  it("shows a viewer at UTC−10 timestamps in their own zone and calendar dates as the day they name, with 'today' the tenant's (UTC+13), just after its midnight", async () => {
    const manager = await managerApi(tamarind);
    await manager.PATCH('/api/v1/settings/regional', { body: { timeZone: 'Pacific/Tongatapu' } });
    const memberId = await createMember(tamarind, 'Tala', 'Fifita');
    const charge = await manager.POST('/api/v1/finance/charges', { body: { memberId, kind: 'levy', description: 'New year levy', amount: 5_000, currency: 'EUR', dueDate: '2030-01-01' } });
    expect(charge.response.status).toBe(201);

    const { page, problems } = await openPage(browser, undefined, { timezoneId: 'Pacific/Honolulu' });
    // 00:30 on 1 January 2030 in Tonga is 01:30 on 31 December 2029 in Honolulu.
    await page.clock.setFixedTime(new Date('2029-12-31T11:30:00Z'));
    await signIn(page, '/finance/charges', 'Charges');
    await expect.poll(() => page.getByRole('row', { name: /New year levy/ }).textContent()).toContain('Jan 1, 2030');
    expect(await page.getByRole('row', { name: /New year levy/ }).textContent()).not.toContain('Dec 31, 2029');

    // A new charge is due "today" where the tenant is, whatever the viewer's calendar says.
    await page.goto(`/t/${tamarind.slug}/finance/charges/new`);
    await expectPageShape(page, 'New charge');
    await expect.poll(() => page.locator('input[type="hidden"][name="dueDate"]').inputValue()).toBe('2030-01-01');

    // The audit log's times are the viewer's: its newest entry, on Honolulu's calendar.
    const entries = await manager.GET('/api/v1/audit', { params: { query: { limit: 1 } } });
    const at = new Date(entries.data!.data[0]!.at);
    const day = (timeZone: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone }).format(at);
    await page.goto(`/t/${tamarind.slug}/audit`);
    await expectPageShape(page, 'Audit log');
    const newest = page.getByRole('row').nth(1);
    await expect.poll(() => newest.textContent()).toContain(day('Pacific/Honolulu'));
    if (day('Pacific/Honolulu') !== day('Pacific/Tongatapu')) expect(await newest.textContent()).not.toContain(day('Pacific/Tongatapu'));
    expect(problems).toEqual([]);
  });
});
