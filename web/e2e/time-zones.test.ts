import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let tamarind: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  tamarind = await createTenant('tamarind');
});
afterAll(() => browser?.close());

async function signIn(page: Page) {
  await page.goto(`/t/${tamarind.slug}/`);
  await expectPageShape(page, 'Sign in to your workspace');
  await page.getByLabel('Email').fill(tamarind.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, 'Welcome to Tamarind Estate');
}

describe("the workspace's time zone and language", () => {
  it('are set in Settings: a zone that is no IANA name is refused at its field, a real one is kept', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPageShape(page, 'Settings');
    const zone = page.getByLabel('Time zone', { exact: true });
    expect(await zone.inputValue()).toBe('UTC');

    await zone.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save the time zone and language' }).click();
    await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'settings with a refused time zone');

    await zone.fill('pacific/tongatapu');
    await page.getByRole('button', { name: 'Save the time zone and language' }).click();
    await expect.poll(() => page.getByText('The time zone and language were saved.').count()).toBe(1);
    // Kept in its canonical spelling, and /me tells it after a reload.
    expect(await zone.inputValue()).toBe('Pacific/Tongatapu');
    await page.reload();
    await expectPageShape(page, 'Settings');
    await expect.poll(() => page.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Pacific/Tongatapu');
    await expectAccessible(page, 'settings with the time zone');
    expect(problems).toEqual([]);
  });
});
