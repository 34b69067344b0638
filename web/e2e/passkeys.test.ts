import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server, TENANT_PASSWORD } from './browser.js';

/**
 * Passkeys with Chromium's virtual authenticator, driven through the DevTools protocol. A
 * WebAuthn relying party is a host name, never an IP address, so these pages are opened at
 * `localhost` (the same server: Chromium sends *.localhost to the loopback address).
 */

let browser: Browser;
let quince: { slug: string; email: string };
const base = () => server().url.replace('://127.0.0.1:', '://localhost:');
beforeAll(async () => {
  browser = await connect();
  quince = await createTenant('quince');
});
afterAll(() => browser?.close());

/** A platform authenticator with resident keys and user verification, as a laptop's or phone's. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

describe('passkeys', () => {
  it('adds a passkey on My account, signs in with it after signing out, and removes it', async () => {
    const { page, problems } = await openPage(browser);
    const { cdp, authenticatorId } = await virtualAuthenticator(page);
    await page.goto(`${base()}/t/${quince.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(quince.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Quince Estate');

    await page.getByRole('link', { name: 'My account' }).click();
    await expectPageShape(page, 'My account');
    await page.getByRole('link', { name: 'Manage your passkeys' }).click();
    await expectPageShape(page, 'Passkeys');
    await expect.poll(() => page.getByTestId('no-passkeys').count()).toBe(1);
    await expectAccessible(page, 'passkeys, none yet');
    await page.getByLabel('Name').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('The passkey "Work laptop" was added.');
    await expect.poll(() => page.getByTestId('passkey').count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: 'Work laptop' }).count()).toBe(1);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    await expectAccessible(page, 'passkeys, one added');
    // The two-step page says the passkey is the second step, not that two-step sign-in is off.
    await page.goto(`${base()}/t/${quince.slug}/account/two-step`);
    await expectPageShape(page, 'Two-step sign-in');
    await expect.poll(() => page.getByRole('heading', { name: 'Two-step sign-in is on, with your passkeys' }).count()).toBe(1);
    await page.goto(`${base()}/t/${quince.slug}/account/passkeys`);
    await expectPageShape(page, 'Passkeys');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    await expectAccessible(page, 'sign-in with the passkey button');
    await page.getByRole('button', { name: 'Continue with a passkey' }).click();
    // Signed in, back on the page the user signed out from.
    await expectPageShape(page, 'Passkeys');

    // A password now asks for the passkey as the second step.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(quince.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Use a passkey' }).count()).toBe(1);
    expect(await page.getByLabel('Code').count()).toBe(0);
    await expectAccessible(page, 'second step with a passkey');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expectPageShape(page, 'Passkeys');
    await expect.poll(() => page.getByTestId('passkey').count()).toBe(1);
    // Used twice now: its last use is shown.
    expect(await page.getByTestId('passkey').getByText('Never').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await expectAccessible(page, 'remove passkey dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('The passkey "Work laptop" was removed.');
    await expect.poll(() => page.getByTestId('no-passkeys').count()).toBe(1);

    // The authenticator still holds the credential, but the workspace no longer knows it.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByRole('button', { name: 'Continue with a passkey' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual(['That passkey was not accepted here. Try again, or sign in with your password.']);
    expect(problems).toEqual([]);
  });
});
