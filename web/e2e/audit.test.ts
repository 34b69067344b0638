import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourtyardClient } from '../../sdk/src/index.js';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let linden: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  linden = await createTenant('linden');
  // A refused sign-in before the manager's own: the log has both kinds.
  const api = createCourtyardClient({ baseUrl: server().url, tenant: linden.slug });
  const refused = await api.POST('/api/v1/auth/login', { body: { email: linden.email, password: 'not the password at all' } });
  expect(refused.response.status).toBe(401);
});
afterAll(() => browser?.close());

async function signIn(page: Page, path: string) {
  await page.goto(`/t/${linden.slug}${path}`);
  await page.getByLabel('Email').fill(linden.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, 'Audit log');
}

const cells = (page: Page, text: string) => page.getByRole('cell', { name: text, exact: true }).count();

describe('the audit log page', () => {
  it('lists the entries, filters them through the URL and verifies the chain', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/audit');
    await expect.poll(() => cells(page, 'auth.sign_in.failed')).toBe(1);
    await expect.poll(() => cells(page, 'auth.sign_in.succeeded')).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: 'Audit log' }).count()).toBeGreaterThan(0);
    // Who did it reads as a name; the refused sign-in's actor was not signed in.
    await expect.poll(() => page.getByRole('cell', { name: /^User Manager$/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => cells(page, 'Not signed in')).toBe(1);
    await expectAccessible(page, 'audit log');

    // The filters go into the URL, and the URL's filters into the list.
    await page.getByLabel('Action').fill('auth.sign_in.failed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('auth.sign_in.failed');
    await expect.poll(() => cells(page, 'auth.sign_in.succeeded')).toBe(0);
    await expect.poll(() => cells(page, 'auth.sign_in.failed')).toBe(1);
    await page.goto(`/t/${linden.slug}/audit?action=${encodeURIComponent('auth.*')}`);
    await expectPageShape(page, 'Audit log');
    await expect.poll(() => page.getByLabel('Action').inputValue()).toBe('auth.*');
    await expect.poll(() => cells(page, 'auth.sign_in.succeeded')).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^The chain is intact: all \d+ entries link/);
    await expectAccessible(page, 'audit log with the verification');
    await screenshot(page, 'audit-log');
    expect(problems).toEqual([]);
  });
});
