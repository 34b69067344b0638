import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

/** The authenticator app's code, `ahead` 30-second steps from now (a code is taken once per step). */
const code = (secret: string, ahead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * ahead });

async function signInWithPassword(page: Page) {
  const { email, password } = server().secondOperator;
  await page.goto('/console/');
  await expectPageShape(page, 'Sign in to the Courtyard console');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('an operator’s two-step sign-in in the console', () => {
  it('is set up from My account, asks for a fresh code before suspending a tenant, and for a code after the password', async () => {
    await createTenant('fir');
    const { page, problems } = await openPage(browser);
    await signInWithPassword(page);
    await expectPageShape(page, 'Tenants');

    await page.getByRole('link', { name: 'My account' }).click();
    await expectPageShape(page, 'My account');
    await page.getByRole('link', { name: 'Set up or turn off two-step sign-in' }).click();
    await expectPageShape(page, 'Two-step sign-in');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByText(/^otpauth:\/\/totp\/Courtyard%20console:/).count()).toBe(1);
    await page.getByLabel('Code').fill(await code(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    const recoveryCodes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
    await expectAccessible(page, 'operator two-step on, recovery codes');

    // A reload renews the session's token, which now says the operator has a second factor but
    // gave none in this session: suspending a tenant asks for one in the dialog.
    await page.goto('/console/tenants?q=fir');
    await expectPageShape(page, 'Tenants');
    await page.getByRole('link', { name: 'Fir Estate' }).click();
    await expectPageShape(page, 'Fir Estate');
    const status = page.getByRole('region', { name: 'Status', exact: true });
    const dialog = page.getByRole('alertdialog');
    await status.getByRole('button', { name: 'Suspend' }).click();
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => dialog.getByLabel('Code from your authenticator app').count()).toBe(1);
    // Operators have no passkeys: the dialog offers a code only.
    expect(await dialog.getByRole('button', { name: 'Use a passkey instead' }).count()).toBe(0);
    await expectAccessible(page, 'step-up in the suspend dialog');
    await dialog.getByLabel('Code from your authenticator app').fill(recoveryCodes[0]!);
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => status.getByRole('button').allTextContents()).toEqual(['Resume', 'Archive']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword(page);
    await expect.poll(() => page.getByLabel('Code').count()).toBe(1);
    await expectAccessible(page, 'operator sign-in second step');
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByText('The code is wrong or was already used. Try the next code.').count()).toBe(1);
    // The code that turned it on was taken: the next one signs in.
    await page.getByLabel('Code').fill(await code(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectPageShape(page, 'Tenants');
    expect(problems).toEqual([]);
  });
});
