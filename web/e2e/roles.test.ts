import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, connect, createTenant, expectAccessible, expectPageShape, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let alder: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  alder = await createTenant('alder');
});
afterAll(() => browser?.close());

async function signIn(page: Page, path: string, title: string) {
  await page.goto(`/t/${alder.slug}${path}`);
  await page.getByLabel('Email').fill(alder.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

describe('the roles pages', () => {
  it('lists the system roles read-only, makes a custom role with the permission picker and hidden fields, and deletes it after a confirmation', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/roles', 'Roles');
    await expect.poll(() => page.getByRole('link', { name: 'Owner' }).count()).toBe(1);
    await expectAccessible(page, 'roles list');

    // A system role is shown, not offered for change.
    await page.getByRole('link', { name: 'Staff' }).click();
    await expectPageShape(page, 'Staff');
    await expect.poll(() => page.getByText('cannot be changed or deleted').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Delete role' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Roles' }).first().click();

    await page.getByRole('link', { name: 'New role' }).click();
    await expectPageShape(page, 'New role');
    await expect.poll(() => page.getByRole('checkbox', { name: /finance\.write/ }).count()).toBe(1);
    await expectAccessible(page, 'new role form');
    await page.getByRole('textbox', { name: 'Key' }).fill('treasurer');
    await page.getByRole('textbox', { name: 'Name' }).fill('Treasurer');
    await page.getByRole('textbox', { name: 'Description' }).fill('Keeps the books');
    // A checkbox is chosen by clicking its label, as a user does (the input itself is visually hidden).
    const toggle = (name: RegExp) => page.locator('label').filter({ has: page.getByRole('checkbox', { name }) }).click();
    for (const name of [/finance\.read$/, /finance\.write$/, /members\.read$/]) await toggle(name);
    expect(await page.getByRole('checkbox', { name: /finance\.write/ }).isChecked()).toBe(true);
    await toggle(/^Notes/);
    await screenshot(page, 'new-role');
    await page.getByRole('button', { name: 'Save' }).click();

    await expectPageShape(page, 'Treasurer');
    await expect.poll(() => page.getByText('members: notes').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /finance\.write/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'custom role page');

    // A change is saved in place.
    await page.locator('label').filter({ has: page.getByRole('checkbox', { name: /finance\.write$/ }) }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The role was saved.' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Delete role' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await expectAccessible(page, 'delete confirmation');
    await page.getByRole('alertdialog').getByRole('button', { name: /Delete/ }).last().click();
    await expectPageShape(page, 'Roles');
    await expect.poll(() => page.getByRole('link', { name: 'Owner' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Treasurer' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("gives a custom role one custom object's records and hides one of its fields", async () => {
    const api = createCourtyardClient({ baseUrl: server().url, tenant: alder.slug });
    const token = accessTokenOf((await api.POST('/api/v1/auth/login', { body: { email: alder.email, password: TENANT_PASSWORD } })).data);
    const authed = createCourtyardClient({ baseUrl: server().url, tenant: alder.slug, accessToken: () => token });
    const made = await authed.POST('/api/v1/objects/definitions', { body: { key: 'permit', singular: 'Permit', plural: 'Permits', fields: [{ key: 'plate', label: 'Plate', type: 'text' }, { key: 'gate_code', label: 'Gate code', type: 'text' }] } });
    expect(made.response.status).toBe(201);

    const { page, problems } = await openPage(browser);
    await signIn(page, '/roles/new', 'New role');
    await expect.poll(() => page.getByRole('checkbox', { name: /objects\.permit\.read$/ }).count()).toBe(1);
    await expectAccessible(page, 'new role form with custom objects');
    await page.getByRole('textbox', { name: 'Key' }).fill('permit-desk');
    await page.getByRole('textbox', { name: 'Name' }).fill('Permit desk');
    const toggle = (name: RegExp) => page.locator('label').filter({ has: page.getByRole('checkbox', { name }) }).click();
    await toggle(/objects\.permit\.read$/);
    await toggle(/^Gate code/);
    await screenshot(page, 'new-role-objects');
    await page.getByRole('button', { name: 'Save' }).click();

    await expectPageShape(page, 'Permit desk');
    await expect.poll(() => page.getByText('objects.permit: gate_code').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /objects\.permit\.read$/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /objects\.permit\.write$/ }).isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });
});
