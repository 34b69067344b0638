import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let hawthorn: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  hawthorn = await createTenant('hawthorn');
});
afterAll(() => browser?.close());

async function signIn(page: Page, path: string, title: string) {
  await page.goto(`/t/${hawthorn.slug}${path}`);
  await page.getByLabel('Email').fill(hawthorn.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

/** The API as an integration calls it: the key as a bearer token, the tenant in the path. */
const callApi = (key: string, path: string) => fetch(`${server().url}/t/${hawthorn.slug}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('the API keys page', () => {
  it('makes a key shown once that calls the API, and revokes it after a confirmation', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/api-keys', 'API keys');
    await expectAccessible(page, 'API keys list');
    await page.getByRole('link', { name: 'New API key' }).click();
    await expectPageShape(page, 'New API key');
    await expect.poll(() => page.getByRole('checkbox', { name: 'members.read', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'new API key form');
    await page.getByLabel('Name').fill('Accounting export');
    await page.locator('label', { hasText: /^members\.read$/ }).click();
    expect(await page.getByRole('checkbox', { name: 'members.read', exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: /Expires/ }).click();
    await page.getByRole('option', { name: 'In 30 days' }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    await expectPageShape(page, 'API key created');
    const key = await page.getByLabel('API key', { exact: true }).inputValue();
    expect(key).toMatch(/^cy_[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, 'key shown once');
    expect((await callApi(key, '/members')).status).toBe(200);
    expect((await callApi(key, '/users')).status).toBe(403);

    // Dismissed, the key is gone from the page; the list shows its start only.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expectPageShape(page, 'API keys');
    await expect.poll(() => page.getByRole('cell', { name: 'Accounting export' }).count()).toBe(1);
    expect(await page.content()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await expectAccessible(page, 'revoke confirmation');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke Accounting export' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Revoked' }).count()).toBe(1);
    const refused = await callApi(key, '/members');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('unauthenticated');
    expect(problems).toEqual([]);
  });
});
