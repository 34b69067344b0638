import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createCourtyardClient } from '../../sdk/src/index.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const TENANT_PASSWORD = 'tenant-password-1';

export const server = () => inject('e2e');

export async function connect(): Promise<Browser> {
  return chromium.connect(server().wsEndpoint);
}

/**
 * A fresh browser context (no cookies, no storage) and a page in it, at a desktop's size unless
 * told (the portal's journeys run at a phone's, 390×844). Errors in the page and
 * Content-Security-Policy refusals fail the test: the pages must run under their own policy.
 */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }, options: { locale?: string; timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: server().url, viewport, locale: 'en-GB', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx answer (a refused form, the silent refresh of a signed-out
    // page); the pages handle those. Anything else logged as an error is a problem.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** axe-core, run in the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Every page has one h1, a main landmark and a nav landmark. */
export async function expectPageShape(page: Page, title: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([title]);
  expect(await page.getByRole('main').count()).toBe(1);
}

/** Saves a screenshot for the README when UPDATE_SCREENSHOTS is set (`UPDATE_SCREENSHOTS=1 npm test -- --project e2e`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const image = await page.screenshot({ fullPage: false });
  expect(image.length).toBeGreaterThan(1000);
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const dir = new URL('../../docs/screenshots/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, dir).pathname });
}

/** The API, as an integrator would use it (the SDK), to set up what a test starts from. */
export async function createTenant(slug: string, options: { domains?: string[] } = {}): Promise<{ slug: string; email: string }> {
  const s = server();
  const control = createCourtyardClient({ baseUrl: s.url });
  const login = await control.POST('/control/v1/auth/login', { body: { email: s.adminEmail, password: s.adminPassword } });
  const token = accessTokenOf(login.data);
  const authed = createCourtyardClient({ baseUrl: s.url, accessToken: () => token });
  const email = `manager@${slug}.test`;
  const created = await authed.POST('/control/v1/tenants', { body: { slug, name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Estate`, plan: 'standard', admin: { email, name: 'Manager', password: TENANT_PASSWORD } } });
  if (created.response.status !== 201) throw new Error(`tenant ${slug}: ${JSON.stringify(created.error)}`);
  for (const domain of options.domains ?? []) {
    const added = await authed.POST('/control/v1/tenants/{tenant}/domains', { params: { path: { tenant: slug } }, body: { domain } });
    if (added.response.status !== 201) throw new Error(`domain ${domain}: ${JSON.stringify(added.error)}`);
  }
  return { slug, email };
}

/** The access token of a sign-in that needed no second step (the e2e tenants' users have no authenticator unless a test enrols one). */
export function accessTokenOf(signedIn: { accessToken: string } | { mfaRequired: true } | undefined): string {
  if (!signedIn || !('accessToken' in signedIn)) throw new Error(`the sign-in gave no access token: ${JSON.stringify(signedIn)}`);
  return signedIn.accessToken;
}

/** A member of a tenant, created through the API as the tenant's manager. */
export async function createMember(tenant: { slug: string; email: string }, firstName: string, lastName: string): Promise<string> {
  const api = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug });
  const login = await api.POST('/api/v1/auth/login', { body: { email: tenant.email, password: TENANT_PASSWORD } });
  const token = accessTokenOf(login.data);
  const authed = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug, accessToken: () => token });
  const created = await authed.POST('/api/v1/members', { body: { firstName, lastName, type: 'owner' } });
  if (!created.data) throw new Error(`member in ${tenant.slug}: ${JSON.stringify(created.error)}`);
  return created.data.id;
}

/** An SDK call's data, or the test fails with the problem the API answered. */
export async function must<T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok || data === undefined) throw new Error(`${response.status}: ${JSON.stringify(error)}`);
  return data;
}

/** The page's h1 once its chunk is there, then its shape and an axe scan. */
export async function arrive(page: Page, title: string, what: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents(), { timeout: 20_000 }).toEqual([title]);
  await expectPageShape(page, title);
  await expectAccessible(page, what);
}

/** A react-aria Select: open it by its label (the button's name ends with it), pick the option. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
