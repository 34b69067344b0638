import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';
import { tabTo } from './keyboard.js';

let browser: Browser;
let oak: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  oak = await createTenant('oak');
});
afterAll(() => browser?.close());

describe('the tenant workspace', () => {
  it('lets a manager sign in on the tenant path and create a member with the keyboard alone', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${oak.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await expectAccessible(page, 'workspace sign-in');

    await tabTo(page, 'Email');
    await page.keyboard.type(oak.email);
    await tabTo(page, 'Password');
    await page.keyboard.type(TENANT_PASSWORD);
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Welcome to Oak Estate');
    expect(await page.getByTestId('space-name').textContent()).toBe('Oak Estate');
    const nav = page.getByRole('navigation', { name: 'Modules' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Members', 'Properties', 'Leases', 'Finance', 'Documents', 'Announcements', 'Users', 'Roles', 'Audit log', 'Webhooks', 'Mail', 'Settings', 'Data model', 'Billing', 'API keys', 'Single sign-on']);
    await expectAccessible(page, 'workspace home');

    await tabTo(page, 'Members');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Members');
    await expectAccessible(page, 'members list');
    await tabTo(page, 'New member');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'New member');
    await expectAccessible(page, 'new member form');

    await tabTo(page, 'First name');
    await page.keyboard.type('Ada');
    await tabTo(page, 'Last name');
    await page.keyboard.type('Lovelace');
    await tabTo(page, 'Email');
    await page.keyboard.type('ada@oak.test');
    await tabTo(page, 'Mailing address');
    await page.keyboard.type('12 Analytical Row');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Ada Lovelace');
    expect(new URL(page.url()).pathname).toMatch(/^\/t\/oak\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Balance' }).count()).toBe(1);
    expect(await page.getByText('12 Analytical Row').count()).toBe(1);
    await expectAccessible(page, 'member page');

    // The list finds her as you type; the search is in the URL and survives a reload.
    await tabTo(page, 'Members');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Members');
    await tabTo(page, 'Search');
    await page.keyboard.type('love');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('love');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: 'Ada Lovelace' }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('love');
    await screenshot(page, 'workspace');
    expect(problems).toEqual([]);
  });

  it("shows another tenant's sign-in page, never its data, to a user signed in to this one; signing out ends the session", async () => {
    const elm = await createTenant('elm');
    const elmMember = await createMember(elm, 'Elsa', 'Elmwood');
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${oak.slug}/members`);
    await page.getByLabel('Email').fill(oak.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Members');

    for (const path of [`/t/${elm.slug}/`, `/t/${elm.slug}/members`, `/t/${elm.slug}/members/${elmMember}`]) {
      await page.goto(path);
      await expectPageShape(page, 'Sign in to your workspace');
      expect(await page.getByRole('navigation', { name: 'Modules' }).count()).toBe(0);
      expect(await page.getByText(/Elm Estate|Elmwood/).count()).toBe(0);
    }
    // Oak's session is untouched: its pages open signed in.
    await page.goto(`/t/${oak.slug}/members`);
    await expectPageShape(page, 'Members');

    // Signing out ends the session for good: a reload finds no cookie to resume it with.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    await page.reload();
    await expectPageShape(page, 'Sign in to your workspace');
    expect(problems).toEqual([]);
  });

  it("serves the workspace at / on the tenant's own host name, resolved as the API resolves it", async () => {
    // Chromium sends *.localhost to this machine: a custom domain that needs no DNS.
    const ash = await createTenant('ash', { domains: ['ash.localhost'] });
    const { page, problems } = await openPage(browser);
    const url = new URL(server().url);
    await page.goto(`http://ash.localhost:${url.port}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(ash.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Ash Estate');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Members' }).click();
    await expectPageShape(page, 'Members');
    expect(new URL(page.url()).pathname).toBe('/members');
    // A deep link reloads in place, signed in through the host's own cookie.
    await page.reload();
    await expectPageShape(page, 'Members');
    await expectAccessible(page, 'members on the tenant host');
    expect(problems).toEqual([]);
  });
});
