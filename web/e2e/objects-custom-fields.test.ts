import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { arrive, connect, createTenant, expectAccessible, expectPageShape, must, openPage, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';

/**
 * Custom fields of standard records on their pages (issue 18): tenant wattle defines a "Parking
 * bay" and a "Has a charger" field for units (`extends: unit`); the unit's page shows them under
 * "Custom fields", and the manager changes them in place. A property of a tenant with no
 * property extension shows no such section.
 */

let browser: Browser;
let tenant: { slug: string; email: string };
let api: CourtyardClient;
let unitId: string;
let propertyId: string;

beforeAll(async () => {
  browser = await connect();
  tenant = await createTenant('wattle');
  api = await managerApi(tenant);
  const block = await must(api.POST('/api/v1/properties', { body: { name: 'Wattle Court', kind: 'residential' } }));
  propertyId = block.id;
  unitId = (await must(api.POST('/api/v1/properties/{id}/units', { params: { path: { id: block.id } }, body: { label: 'Flat 1', kind: 'apartment' } }))).id;
  await must(api.POST('/api/v1/objects/definitions', { body: { key: 'unit', extends: 'unit', singular: 'Unit', plural: 'Units', fields: [{ key: 'bay', label: 'Parking bay', type: 'text' }, { key: 'charger', label: 'Has a charger', type: 'boolean' }] } }));
  await must(api.PUT('/api/v1/objects/extensions/{target}/{id}', { params: { path: { target: 'unit', id: unitId } }, body: { bay: 'B-12' } }));
});
afterAll(() => browser?.close());

describe('custom fields on standard records\' pages', () => {
  it('shows a unit\'s custom fields and edits them in place; a property without an extension shows none', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${tenant.slug}/`);
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Wattle Estate');

    await page.goto(`/t/${tenant.slug}/units/${unitId}`);
    await arrive(page, 'Flat 1, Wattle Court', 'unit page with custom fields');
    const section = page.getByRole('region', { name: 'Custom fields' });
    await expect.poll(() => section.locator('dd').allTextContents()).toEqual(['B-12', '—']);

    await section.getByRole('button', { name: 'Edit custom fields' }).click();
    await section.getByRole('textbox', { name: 'Parking bay' }).fill('C-3');
    await section.locator('label').filter({ has: page.getByRole('checkbox', { name: 'Has a charger', exact: true }) }).click();
    await expectAccessible(page, 'custom fields form');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.locator('dd').allTextContents()).toEqual(['C-3', 'Yes']);
    const stored = await must(api.GET('/api/v1/objects/extensions/{target}/{id}', { params: { path: { target: 'unit', id: unitId } } }));
    expect(stored).toMatchObject({ bay: 'C-3', charger: true, version: 2 });

    await page.goto(`/t/${tenant.slug}/properties/${propertyId}`);
    await arrive(page, 'Wattle Court', 'property page without custom fields');
    expect(await page.getByRole('region', { name: 'Custom fields' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
