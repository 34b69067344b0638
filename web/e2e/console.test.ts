import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

describe('the platform console', () => {
  it('lets an operator sign in, create a tenant and watch it provision, then find it in the list', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/');
    await expectPageShape(page, 'Sign in to the Courtyard console');
    await expectAccessible(page, 'console sign-in');

    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Tenants');
    const nav = page.getByRole('navigation', { name: 'Modules' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Tenants', 'Plans', 'Billing', 'Invoices', 'Jobs', 'Audit log', 'Webhooks', 'API keys']);
    await expectAccessible(page, 'tenants list');

    await page.getByRole('link', { name: 'New tenant' }).click();
    await expectPageShape(page, 'New tenant');
    await page.getByLabel('Name', { exact: true }).fill('Birch Court');
    await page.getByLabel('Slug').fill('birch');
    await page.getByLabel('Administrator name').fill('Bea Birch');
    await page.getByLabel('Administrator email').fill('bea@birch.test');
    await page.getByLabel('Administrator password').fill(TENANT_PASSWORD);
    await expectAccessible(page, 'new tenant form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent(), { timeout: 30_000 }).toBe('Birch Court is ready.');
    expect(await page.getByRole('region', { name: 'Provisioning' }).getByRole('listitem').count()).toBeGreaterThan(2);
    await expectAccessible(page, 'provisioned tenant');

    // The list, searched: the search lives in the URL, so a reload keeps it (and the session).
    await nav.getByRole('link', { name: 'Tenants' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('birch');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('birch');
    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: 'Birch Court' }).count()).toBe(1);
    expect(await page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('birch');
    await expect.poll(() => page.getByRole('cell', { name: 'Birch Court' }).count()).toBe(1);
    await screenshot(page, 'console');
    expect(problems).toEqual([]);
  });

  it('keeps what was typed when the server refuses the form, and shows the field errors', async () => {
    await createTenant('cedar');
    const { page, problems } = await openPage(browser);
    await page.goto('/console/tenants/new');
    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'New tenant');

    await page.getByLabel('Name', { exact: true }).fill('Cedar Again');
    await page.getByLabel('Slug').fill('cedar');
    await page.getByLabel('Administrator name').fill('Cy Cedar');
    await page.getByLabel('Administrator email').fill('cy@cedar.test');
    await page.getByRole('button', { name: 'Save' }).click();

    const slug = page.getByLabel('Slug');
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Slug is already taken').isVisible()).toBe(true);
    // Focus moves to the refused field; nothing typed is lost.
    expect(await slug.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await slug.inputValue()).toBe('cedar');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Cedar Again');
    expect(await page.getByLabel('Administrator email').inputValue()).toBe('cy@cedar.test');
    await expectAccessible(page, 'refused form');

    // Corrected, it goes through.
    await slug.fill('cedar-two');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent(), { timeout: 30_000 }).toBe('Cedar Again is ready.');
    expect(problems).toEqual([]);
  });
});
