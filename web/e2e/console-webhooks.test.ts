import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, expectAccessible, expectPageShape, openPage, server } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(() => browser?.close());

async function signIn(page: Page) {
  await page.getByLabel('Email').fill(server().adminEmail);
  await page.getByLabel('Password').fill(server().adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe("the console's webhooks", () => {
  it('registers an endpoint for control events, shows its secret once, sends a test event and deletes it after a confirmation', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/console/tenants');
    await signIn(page);
    await expectPageShape(page, 'Tenants');
    await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
    await expectPageShape(page, 'Webhooks');
    await expectAccessible(page, 'operator webhooks list');

    await page.getByRole('link', { name: 'New endpoint' }).click();
    await expectPageShape(page, 'New endpoint');
    // The events offered come from the control event catalogue.
    await expect.poll(() => page.getByRole('checkbox', { name: /^invoice\.issued$/ }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /^All invoice events/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'new operator endpoint form');

    // A private destination is refused on its field (the e2e server does not allow them).
    await page.getByLabel('URL').fill('http://127.0.0.1:9/hooks');
    await page.getByLabel('Description').fill('Accounting');
    await page.locator('label', { hasText: /^All subscription events/ }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('points to 127.0.0.1, a loopback address').count()).toBe(1);
    await page.getByLabel('URL').fill('https://203.0.113.90/courtyard-events');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await expectPageShape(page, 'Endpoint created');
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'operator secret shown once');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expectPageShape(page, 'Webhook endpoint');
    expect(await page.content()).not.toContain(secret);
    await expect.poll(() => page.locator('dd').filter({ hasText: 'invoice.*, subscription.*' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expectAccessible(page, 'test event dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByText('A test event was sent.').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'webhook.test' }).count()).toBe(1);
    await expectAccessible(page, 'operator endpoint with a delivery');

    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Delete this endpoint?');
    await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
    await expectPageShape(page, 'Webhooks');
    await expect.poll(() => page.getByRole('link', { name: 'https://203.0.113.90/courtyard-events' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
