import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage } from './browser.js';
import { foundInMailTo } from './mailbox.js';

let browser: Browser;
let holly: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  holly = await createTenant('holly');
});
afterAll(() => browser?.close());

describe('a forgotten password', () => {
  it('gets a workspace user back in alone: forgot, the e-mail, a new password, sign in, and the account page', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${holly.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expectPageShape(page, 'Forgot your password?');
    expect(new URL(page.url()).pathname).toBe(`/t/${holly.slug}/forgot-password`);
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Email').fill(holly.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('is on its way');

    // The worker renders and "sends" the message; its link names the tenant's reset page.
    const token = decodeURIComponent(await foundInMailTo(holly.email, /reset-password#token=([A-Za-z0-9_%-]+)/));
    await page.goto(`/t/${holly.slug}/reset-password#token=${encodeURIComponent(token)}`);
    await expectPageShape(page, 'Choose a new password');
    await expectAccessible(page, 'reset password');

    // A common password is refused on the field; a good one is taken.
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByText('This is one of the most common passwords').count()).toBe(1);
    expect(await page.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('New password').fill('moss grows on the quiet wall');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your password was changed');
    expect(new URL(page.url()).hash).toBe('');

    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(holly.email);
    await page.getByLabel('Password').fill('moss grows on the quiet wall');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Holly Estate');

    await page.getByRole('link', { name: 'My account' }).click();
    await expectPageShape(page, 'My account');
    await expect.poll(() => page.getByTestId('current-session').count()).toBe(1);
    await expectAccessible(page, 'my account');

    // The link worked once.
    await page.goto(`/t/${holly.slug}/reset-password#token=${encodeURIComponent(token!)}`);
    await page.getByLabel('New password').fill('another quiet evening walk');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This link is not valid');
    expect(problems).toEqual([]);
  });

  it("offers the console's operators the same pages", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/console/');
    await expectPageShape(page, 'Sign in to the Courtyard console');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expectPageShape(page, 'Forgot your password?');
    expect(new URL(page.url()).pathname).toBe('/console/forgot-password');
    await page.getByLabel('Email').fill('nobody@courtyard.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('is on its way');
    await expectAccessible(page, 'console forgot password');

    await page.goto('/console/reset-password');
    await expectPageShape(page, 'Choose a new password');
    expect(await page.getByRole('alert').textContent()).toContain('This link is not valid');
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expectPageShape(page, 'Forgot your password?');
    expect(problems).toEqual([]);
  });
});
