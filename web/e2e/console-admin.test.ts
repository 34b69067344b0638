import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTenant, expectAccessible, expectPageShape, openPage, server } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
  // Its events give the Jobs page jobs to list.
  await createTenant('aspen');
});
afterAll(() => browser?.close());

describe('the platform console: plans, audit log and jobs', () => {
  it('lets an operator create a plan with the module picker, find it in the audit log, and read the jobs', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/console/plans');
    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Plans');
    await expect.poll(() => page.getByRole('cell', { name: 'Standard', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'plans list');

    // A new plan: choosing Occupancy chooses what it needs, and those cannot be removed while it is chosen.
    await page.getByRole('link', { name: 'New plan' }).click();
    await expectPageShape(page, 'New plan');
    await page.getByLabel('Key', { exact: true }).fill('e2e-estate');
    await page.getByLabel('Name', { exact: true }).fill('Estate');
    const modules = page.getByRole('group', { name: 'Modules' });
    const box = (name: string) => modules.getByRole('checkbox', { name, exact: true });
    await expect.poll(() => box('Occupancy').count()).toBe(1);
    await box('Occupancy').click({ force: true });
    for (const name of ['Members', 'Properties', 'Occupancy']) await expect.poll(() => box(name).isChecked()).toBe(true);
    expect(await box('Leases').isChecked()).toBe(false);
    expect(await modules.getByRole('status').textContent()).toBe('Members and Properties chosen too: Occupancy needs them.');
    expect(await modules.getByText('Needed by Properties and Occupancy').isVisible()).toBe(true);
    await box('Properties').click({ force: true });
    expect(await box('Properties').isChecked()).toBe(true);
    await expectAccessible(page, 'new plan with modules chosen');

    const limits = page.getByRole('group', { name: 'Limits' });
    await limits.getByLabel('Members').fill('500');
    await page.getByLabel('Amount').fill('49.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Estate');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/plans/e2e-estate');
    expect(await page.getByRole('status').first().textContent()).toBe('Estate was created.');
    // Limits left empty stay unlimited; the price went out in minor units and comes back the same.
    expect(await limits.getByLabel('Members').inputValue()).toBe('500');
    expect(await limits.getByLabel('Users').inputValue()).toBe('');
    expect(await page.getByLabel('Amount').inputValue()).toBe('49.5');
    await expectAccessible(page, 'a plan’s page');

    // Changed on its page (PATCH): a limit emptied becomes unlimited.
    await page.getByLabel('Name', { exact: true }).fill('Estate Plus');
    await limits.getByLabel('Members').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Estate Plus');
    expect(await page.getByRole('status').first().textContent()).toBe('Saved.');
    expect(await limits.getByLabel('Members').inputValue()).toBe('');

    // The list, searched (the search in the URL).
    const nav = page.getByRole('navigation', { name: 'Modules' });
    await nav.getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('estate');
    await expect.poll(() => page.getByRole('cell', { name: 'Estate Plus' }).count()).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('estate');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('cell', { name: '€49.50 a month' }).count()).toBe(1);

    // The audit log records it; filtered by action, the filter in the URL.
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await expectPageShape(page, 'Audit log');
    await expect.poll(() => page.getByRole('cell', { name: 'e2e-estate', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'audit log');
    await page.getByLabel('Action').fill('plan.created');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('plan.created');
    await expect.poll(async () => (await page.getByRole('row').allTextContents()).slice(1).every((row) => row.includes('plan.created'))).toBe(true);
    expect(await page.getByRole('cell', { name: 'e2e-estate', exact: true }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'tenant.created', exact: true }).count()).toBe(0);
    await page.reload();
    expect(await page.getByLabel('Action').inputValue()).toBe('plan.created');
    await expect.poll(() => page.getByRole('cell', { name: 'e2e-estate', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'audit log filtered by action');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^The chain is intact: all \d+ entries link/);
    await expectAccessible(page, 'audit log with the verification');

    // Jobs: the queues' counts, the jobs filtered by state and queue (in the URL), and one job's page.
    await nav.getByRole('link', { name: 'Jobs' }).click();
    await expectPageShape(page, 'Jobs');
    await expect.poll(() => page.getByRole('region', { name: 'Counts by queue and state' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'jobs');
    // Whatever jobs the server has run so far: the first one's state and queue become the filters.
    const list = page.getByRole('region', { name: 'Jobs, newest first' });
    await expect.poll(() => list.getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const first = list.getByRole('row').nth(1).getByRole('cell');
    const [queue, state] = [(await first.nth(0).textContent())!, (await first.nth(1).textContent())!];
    await page.getByLabel('State', { exact: true }).selectOption({ label: state });
    await expect.poll(() => new URL(page.url()).searchParams.get('state')).not.toBeNull();
    // The previous page stays in view until the filtered one comes.
    const rows = async () => (await list.getByRole('row').allTextContents()).slice(1);
    await expect.poll(async () => (await rows()).every((row) => row.includes(state))).toBe(true);
    await page.getByLabel('Queue', { exact: true }).selectOption({ label: queue });
    await expect.poll(() => new URL(page.url()).searchParams.get('queue')).not.toBeNull();
    await page.reload();
    expect(await page.getByLabel('State', { exact: true }).locator('option:checked').textContent()).toBe(state);
    await expect.poll(async () => [...new Set(await list.getByRole('link').allTextContents())]).toEqual([queue]);
    await expectAccessible(page, 'jobs filtered by state and queue');
    await list.getByRole('link').first().click();
    await expectPageShape(page, `Job of ${queue}`);
    expect(await page.getByRole('heading', { name: 'Last error' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Payload' }).locator('pre').textContent()).toMatch(/^[[{]/);
    await expectAccessible(page, 'one job');
    expect(problems).toEqual([]);
  });

  it('lets an operator make a platform API key, shown once, use it on /control/v1 and revoke it', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/console/api-keys');
    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Platform API keys');
    await expectAccessible(page, 'platform API keys');
    await page.getByRole('link', { name: 'New API key' }).click();
    await expectPageShape(page, 'New API key');
    await page.getByLabel('Name').fill('Provisioning script');
    await expectAccessible(page, 'new platform API key');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'API key created');
    const key = await page.getByLabel('API key', { exact: true }).inputValue();
    expect(key).toMatch(/^cyp_/);
    const plans = () => fetch(`${server().url}/control/v1/plans`, { headers: { authorization: `Bearer ${key}` } });
    expect((await plans()).status).toBe(200);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expectPageShape(page, 'Platform API keys');
    await expect.poll(() => page.getByRole('cell', { name: 'Provisioning script' }).count()).toBe(1);
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Revoke' }).first().click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke Provisioning script' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Revoked' }).count()).toBe(1);
    expect((await plans()).status).toBe(401);
    expect(problems).toEqual([]);
  });
  it('gives the operator My account from the top bar: their name, a password form that checks the current one, and their sessions', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto('/console/tenants');
    await page.getByLabel('Email').fill(server().adminEmail);
    await page.getByLabel('Password').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Tenants');
    await page.getByRole('banner').getByRole('link', { name: 'My account' }).click();
    await expectPageShape(page, 'My account');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/account');
    await expect.poll(() => page.getByText(`Email: ${server().adminEmail}`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('current-session').count()).toBe(1);
    await expectAccessible(page, 'operator account');

    // The name: saved, and read back after a reload.
    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.inputValue()).not.toBe('');
    const before = await name.inputValue();
    await name.fill('Ada, on call');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Your profile was saved.');
    await page.reload();
    await expectPageShape(page, 'My account');
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Ada, on call');

    // A wrong current password is refused on its field (the admin's password stays: other files sign in with it).
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill('a passphrase nobody will use');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('is not your current password').count()).toBe(1);
    await expect.poll(() => page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Your password was changed.').count()).toBe(0);
    await expectAccessible(page, 'operator account, wrong current password');

    // Put the name back as it was.
    await page.getByLabel('Name', { exact: true }).fill(before);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Your profile was saved.');
    expect(problems).toEqual([]);
  });
});
