import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let juniper: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  juniper = await createTenant('juniper');
});
afterAll(() => browser?.close());

/** The authenticator app's code, `ahead` 30-second steps from now (a code is taken once per step). */
const code = (secret: string, ahead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * ahead });

async function signInWithPassword(page: Page) {
  await page.goto(`/t/${juniper.slug}/`);
  await expectPageShape(page, 'Sign in to your workspace');
  await page.getByLabel('Email').fill(juniper.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('two-step sign-in', () => {
  it('is set up from the account page, then asks for a code after the password; the tenant chooses the roles that need it', async () => {
    const { page, problems } = await openPage(browser);
    await signInWithPassword(page);
    await expectPageShape(page, 'Welcome to Juniper Estate');

    await page.getByRole('link', { name: 'My account' }).click();
    await expectPageShape(page, 'My account');
    await page.getByRole('link', { name: 'Set up or turn off two-step sign-in' }).click();
    await expectPageShape(page, 'Two-step sign-in');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByText(/^otpauth:\/\/totp\//).count()).toBe(1);
    // Named without the word "code", which the code field's label is found by.
    const qr = page.getByRole('img', { name: 'QR image of the authenticator link, for your app to scan' });
    expect(await qr.count()).toBe(1);
    // Drawn with SVG attributes only (the CSP allows no inline style): hundreds of dark modules.
    expect(((await qr.locator('path').getAttribute('d')) ?? '').split('M').length).toBeGreaterThan(200);
    expect(await qr.locator('[style]').count()).toBe(0);
    await expectAccessible(page, 'two-step enrolment');
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Code').fill(await code(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await expect.poll(() => page.getByTestId('two-step-state').textContent()).toContain('10 recovery codes are left');
    await expectAccessible(page, 'two-step on, recovery codes');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword(page);
    await expectPageShape(page, 'Sign in to your workspace');
    await expect.poll(() => page.getByLabel('Code').count()).toBe(1);
    await expectAccessible(page, 'sign-in second step');
    // The code that turned it on was taken: the next one signs in.
    await page.getByLabel('Code').fill(await code(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectPageShape(page, 'Welcome to Juniper Estate');

    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPageShape(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Staff' }).check();
    await page.getByRole('button', { name: 'Save the two-step rule' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('The two-step rule was saved.');
    await expectAccessible(page, 'settings with the two-step rule');
    expect(problems).toEqual([]);
  });
});
