import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, screenshot, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';

/**
 * The portal's My details and Security, at a phone's size: a member changes their phone,
 * turns a kind of notification off (kept after a reload), sets up two-step sign-in, and
 * switches the portal to Spanish.
 */

const PHONE = { width: 390, height: 844 };
let browser: Browser;
let sycamore: { slug: string; email: string };
const email = 'sally@sycamore.test';
/** Sally's authenticator app, once the first test has set it up. */
let secret = '';

/** The authenticator app's code, `ahead` 30-second steps from now (a code is taken once per step). */
const code = (secret: string, ahead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * ahead });

beforeAll(async () => {
  browser = await connect();
  sycamore = await createTenant('sycamore');
  const manager = await managerApi(sycamore);
  const member = await manager.POST('/api/v1/members', { body: { firstName: 'Sally', lastName: 'Sycamore', type: 'owner', email, phone: '+44 20 7000 0001' } });
  if (!member.data) throw new Error(`member: ${JSON.stringify(member.error)}`);
  const user = await manager.POST('/api/v1/users', { body: { email, name: 'Sally Sycamore', password: TENANT_PASSWORD, roles: ['member'], memberId: member.data.id } });
  if (!user.data) throw new Error(`user: ${JSON.stringify(user.error)}`);
});
afterAll(() => browser?.close());

async function signIn(page: Page) {
  await page.goto(`/t/${sycamore.slug}/portal/`);
  await expectPageShape(page, 'Sign in to your member portal');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, 'Welcome, Sally Sycamore');
}

describe("the portal's My details and Security", () => {
  it('lets a member change their phone, notifications, two-step sign-in and language, on a phone', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await signIn(page);

    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Me', exact: true }).click();
    await expectPageShape(page, 'My details');
    expect(new URL(page.url()).pathname).toBe(`/t/${sycamore.slug}/portal/details`);
    const contact = page.getByTestId('contact');
    // The name and e-mail are the office's by default: shown, not editable.
    await expect.poll(() => contact.textContent()).toContain(email);
    expect(await contact.getByLabel('E-mail').count()).toBe(0);
    expect(await contact.textContent()).toContain('ask the office');
    await expect.poll(() => contact.getByLabel('Phone').inputValue()).toBe('+44 20 7000 0001');
    await contact.getByLabel('Phone').fill('not a phone');
    await contact.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => contact.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
    await contact.getByLabel('Phone').fill('+44 20 7000 0002');
    await contact.getByLabel('Mailing address').fill('3 Sycamore Row\nLeafield');
    await contact.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => contact.getByRole('status').textContent()).toBe('Saved.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'my details');
    await screenshot(page, 'portal-details');

    // A kind of notification turned off stays off.
    const notifications = page.getByTestId('notifications');
    expect(await notifications.textContent()).toContain('password resets and invitations, are always sent');
    const announcements = notifications.getByRole('checkbox', { name: 'Announcements by e-mail' });
    expect(await announcements.isChecked()).toBe(true);
    expect(await notifications.getByRole('checkbox', { name: 'Announcements by text message (SMS)' }).isChecked()).toBe(false);
    // Its visible label is what a finger taps (the input itself is hidden under the drawn box).
    await notifications.getByText('Announcements by e-mail', { exact: true }).click();
    await expect.poll(() => announcements.isChecked()).toBe(false);
    await notifications.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notifications.getByRole('status').textContent()).toBe('Saved.');
    await page.reload();
    await expectPageShape(page, 'My details');
    await expect.poll(() => page.getByTestId('notifications').getByRole('checkbox', { name: 'Announcements by e-mail' }).count()).toBe(1);
    expect(await page.getByTestId('notifications').getByRole('checkbox', { name: 'Announcements by e-mail' }).isChecked()).toBe(false);
    expect(await page.getByTestId('notifications').getByRole('checkbox', { name: 'Meetings by e-mail' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('contact').getByLabel('Phone').inputValue()).toBe('+44 20 7000 0002');

    // Security: two-step sign-in with an authenticator app, as in the workspace.
    await page.getByRole('link', { name: 'Sign-in and security' }).click();
    await expectPageShape(page, 'Sign-in and security');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('Code').fill(await code(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await expect.poll(() => page.getByTestId('two-step-state').textContent()).toContain('10 recovery codes are left');
    expect(await page.getByRole('region', { name: 'Add a passkey' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'portal security, two-step on');

    // Spanish, at once, and still after a reload.
    await page.getByRole('link', { name: 'My details' }).click();
    await expectPageShape(page, 'My details');
    const language = page.getByTestId('language');
    await language.getByRole('button', { name: /Language of the portal/ }).click();
    await page.getByRole('option', { name: 'Español', exact: true }).click();
    await language.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Mis datos');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Yo' }).count()).toBe(1);
    expect(await page.getByTestId('notifications').textContent()).toContain('se envían siempre');
    await expectAccessible(page, 'my details in Spanish');
    await page.reload();
    await expectPageShape(page, 'Mis datos');
    expect(problems).toEqual([]);
  });

  it("lets the manager choose, in the workspace's settings, which details members may change", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${sycamore.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(sycamore.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Sycamore Estate');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPageShape(page, 'Settings');
    const setting = page.getByTestId('member-self-service');
    await expect.poll(() => setting.getByRole('checkbox', { name: 'Phone' }).isChecked()).toBe(true);
    expect(await setting.getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(false);
    await setting.getByRole('checkbox', { name: 'Email' }).check();
    await setting.getByRole('button', { name: 'Save what members may change' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Saved: members may change the details ticked.');
    await expectAccessible(page, 'settings with members\' own details');

    // On a new browser: her two steps, then the language she saved.
    const member = await openPage(browser, PHONE);
    await member.page.goto(`/t/${sycamore.slug}/portal/details`);
    await expectPageShape(member.page, 'Sign in to your member portal');
    await member.page.getByLabel('Email').fill(email);
    await member.page.getByLabel('Password').fill(TENANT_PASSWORD);
    await member.page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => member.page.getByLabel('Code').count()).toBe(1);
    // The code that turned it on was taken: the next one signs in.
    await member.page.getByLabel('Code').fill(await code(secret, 1));
    await member.page.getByRole('button', { name: 'Verify' }).click();
    await expectPageShape(member.page, 'Mis datos');
    await expect.poll(() => member.page.getByTestId('contact').getByLabel('Correo electrónico').inputValue()).toBe(email);
    expect([...problems, ...member.problems]).toEqual([]);
  });
});
