import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';
import { tabTo } from './keyboard.js';
import { seedDashboard } from './shell-setup.js';

let browser: Browser;
let willow: { slug: string; email: string };
let members: Record<string, string>;
beforeAll(async () => {
  browser = await connect();
  willow = await createTenant('willow');
  ({ members } = await seedDashboard(willow));
});
afterAll(() => browser?.close());

describe('the shell', () => {
  it('shows the dashboard with its charts, and the command menu finds a member with the keyboard alone', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${willow.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    await page.getByLabel('Email').fill(willow.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Welcome to Willow Estate');

    // Every card of a module the manager may read, each chart drawn (SVG) with its data as a table.
    await expect.poll(() => page.locator('section h2').allTextContents()).toEqual(['Members', 'Units and occupancy', 'Leases ending within 60 days', 'Arrears by age', 'Collections, last 12 months']);
    await expect.poll(() => page.getByTestId('card-dashboard-members').textContent()).toContain('2 members');
    await expect.poll(() => page.getByTestId('card-dashboard-occupancy').textContent()).toContain('3 units');
    await expect.poll(() => page.locator('[data-testid=chart] .recharts-wrapper').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.locator('[data-testid=chart] .recharts-bar-rectangle').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('card-dashboard-leases').getByRole('row').count()).toBe(2);
    expect(await page.getByRole('table', { name: /Arrears by age/ }).getByRole('row').count()).toBe(6);
    expect(await page.getByRole('table', { name: /Collections, last 12 months/ }).getByRole('row').count()).toBe(13);
    await expectAccessible(page, 'dashboard');

    // The button of the top bar opens the menu; Escape closes it.
    await tabTo(page, 'Go to… Ctrl K');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Ctrl-K from anywhere: type a name, the member is offered, Enter goes to her page.
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Search');
    await page.keyboard.type('hopper');
    await expect.poll(() => page.getByRole('option', { name: 'Grace Hopper' }).count()).toBe(1);
    await expectAccessible(page, 'command menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByRole('option', { name: 'Grace Hopper' }).getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Grace Hopper');
    expect(new URL(page.url()).pathname).toBe(`/t/${willow.slug}/members/${members['Grace Hopper']}`);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A page of the navigation, by its name.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('fin');
    await expect.poll(() => page.getByRole('option', { name: 'Finance' }).getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('Enter');
    await expectPageShape(page, 'Finance');
    expect(problems).toEqual([]);
  });

  it('on a reload of a signed-in page, asks for the workspace code before resuming the session; after signing out, it does not', async () => {
    const { page, problems } = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/WorkspaceApp-[\w-]+\.js$/.test(path)) requests.push('workspace code');
      if (path.endsWith('/auth/refresh')) requests.push('refresh');
    });
    await page.goto(`/t/${willow.slug}/members`);
    await page.getByLabel('Email').fill(willow.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Members');

    // The code is fetched as the page starts, so waiting for it and for the session overlap.
    requests.length = 0;
    await page.reload();
    await expectPageShape(page, 'Members');
    expect(requests.slice(0, 2)).toEqual(['workspace code', 'refresh']);

    // Signed out, a reload shows the sign-in page without fetching the workspace's code first.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your workspace');
    requests.length = 0;
    await page.reload();
    await expectPageShape(page, 'Sign in to your workspace');
    await expect.poll(() => requests).toContain('refresh');
    expect(requests).not.toContain('workspace code');
    expect(problems).toEqual([]);
  });
});
