import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let pine: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  pine = await createTenant('pine');
});
afterAll(() => browser?.close());

async function signIn(page: Page, path: string, title: string) {
  await page.goto(`/t/${pine.slug}${path}`);
  await page.getByLabel('Email').fill(pine.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

/** Opens a page by its navigation link and checks its shape and accessibility. */
async function visit(page: Page, path: string, title: string, what: string) {
  await page.goto(`/t/${pine.slug}${path}`);
  await expectPageShape(page, title);
  await expectAccessible(page, what);
}

describe('the tenant administration pages', () => {
  it('edits a member, filters the list and invites the member to the portal', async () => {
    const memberId = await createMember(pine, 'Grace', 'Hopper');
    const { page, problems } = await openPage(browser);
    await signIn(page, '/members', 'Members');
    await expectAccessible(page, 'members list with filters');

    await visit(page, `/members/${memberId}`, 'Grace Hopper', 'member page');
    for (const section of ['Details', 'Units', 'Leases', 'Balance', 'Charges', 'Payments', 'Statements', 'Portal']) {
      await expect.poll(() => page.getByRole('heading', { name: section, level: 2 }).count()).toBe(1);
    }
    await page.getByRole('link', { name: 'Edit member' }).click();
    await expectPageShape(page, 'Edit Grace Hopper');
    await expectAccessible(page, 'edit member form');
    await page.getByLabel('Email').fill('grace@pine.test');
    await page.getByLabel('Mailing address').fill('1 Compiler Lane\nArlington');
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Active', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectPageShape(page, 'Grace Hopper');
    await expect.poll(() => page.getByText('grace@pine.test').count()).toBeGreaterThan(0);
    expect(await page.getByText('1 Compiler Lane').count()).toBe(1);

    // The list's filters live in the URL.
    await page.goto(`/t/${pine.slug}/members?status=active&type=owner&sort=-name`);
    await expectPageShape(page, 'Members');
    await expect.poll(() => page.getByRole('link', { name: 'Grace Hopper' }).count()).toBe(1);
    await page.getByLabel('Status').selectOption('former');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('former');
    await expect.poll(() => page.getByRole('link', { name: 'Grace Hopper' }).count()).toBe(0);

    await page.goto(`/t/${pine.slug}/members/${memberId}`);
    await expectPageShape(page, 'Grace Hopper');
    await page.getByRole('button', { name: 'Invite to portal' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await expectAccessible(page, 'invite dialog');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'grace@pine.test' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('invites a user with roles, changes them and disables the user', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/users', 'Users');
    await expectAccessible(page, 'users list');
    await page.getByRole('link', { name: 'New user' }).click();
    await expectPageShape(page, 'New user');
    await expect.poll(() => page.getByRole('checkbox', { name: /Manager/ }).count()).toBe(1);
    await expectAccessible(page, 'new user form');
    await page.getByLabel('Email').fill('linus@pine.test');
    await page.getByLabel('Name').fill('Linus Clerk');
    await page.locator('label', { hasText: 'Manager' }).click();
    expect(await page.getByRole('checkbox', { name: /Manager/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectPageShape(page, 'Linus Clerk');
    await expectAccessible(page, 'user page');
    await expect.poll(() => page.getByRole('button', { name: 'Resend invitation' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Resend invitation' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Resend invitation' }).click();
    await expect.poll(() => page.getByText('A new invitation was sent to linus@pine.test.').count()).toBe(1);

    await page.getByRole('button', { name: 'Disable user' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Disable user' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enable user' }).count()).toBe(1);

    await page.goto(`/t/${pine.slug}/users?q=linus`);
    await expectPageShape(page, 'Users');
    await expect.poll(() => page.getByRole('link', { name: 'Linus Clerk' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('creates a webhook endpoint whose secret is shown once, rotates it and sends a test', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/webhooks', 'Webhooks');
    await expectAccessible(page, 'webhooks list');
    await page.getByRole('link', { name: 'New endpoint' }).click();
    await expectPageShape(page, 'New endpoint');
    await expectAccessible(page, 'new endpoint form');
    await page.getByLabel('URL').fill('https://203.0.113.80/pine-hooks');
    await page.getByLabel('Description').fill('Pine ERP');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectPageShape(page, 'Endpoint created');
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'secret shown once');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expectPageShape(page, 'Webhook endpoint');
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, 'endpoint page');

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate secret' }).click();
    await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(1);
    const rotated = await page.getByTestId('webhook-secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);

    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByText('A test event was sent.').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'webhook.test' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'endpoint with a delivery');
    expect(problems).toEqual([]);
  });

  it('previews a mail template with sample values and shows the message log', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/mail', 'Mail templates');
    await expectAccessible(page, 'mail templates');
    await page.getByRole('link', { name: 'invitation' }).click();
    await expectPageShape(page, 'Template: invitation');
    await expectAccessible(page, 'mail template');
    await page.getByLabel('Subject').fill('Welcome, {{recipient.name}} <b>');
    await expect.poll(() => page.getByTestId('mail-preview').textContent()).toContain('Welcome, Ada Lovelace <b>');
    await visit(page, '/mail/messages?status=sent', 'Message log', 'message log');
    expect(await page.getByLabel('Status').inputValue()).toBe('sent');
    expect(problems).toEqual([]);
  });

  it('changes the branding in Settings and the workspace takes its colour', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/settings', 'Settings');
    await expectAccessible(page, 'settings');
    const brand = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-brand').trim());
    const before = await brand();
    await page.getByLabel('Display name').fill('Pine Homes');
    await page.getByLabel('Primary colour').fill('teal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Write the colour as # and six hexadecimal digits, for example #0f766e').count()).toBe(1);
    await page.getByLabel('Primary colour').fill('#0f766e');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('The branding was saved.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('space-name').textContent()).toBe('Pine Homes');
    await expect.poll(brand).toBe('#0f766e');
    expect(before).not.toBe('#0f766e');
    await expectAccessible(page, 'settings saved');
    expect(problems).toEqual([]);
  });
});
