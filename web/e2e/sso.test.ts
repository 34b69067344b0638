import { createCourtyardClient } from '../../sdk/src/index.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_CLIENT, startOidcProvider, type TestOidcProvider } from '../../test/oidc-helpers.js';
import { accessTokenOf, connect, createTenant, expectAccessible, expectPageShape, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';

/**
 * Single sign-on in the browser: a real OpenID provider (oidc-provider, in this process) with
 * its development login page. The sign-in page's button goes there and back, and the user,
 * new to the tenant, lands signed in on the workspace with the role their group maps to.
 */
let browser: Browser;
let idp: TestOidcProvider;
let spruce: { slug: string; email: string };

beforeAll(async () => {
  browser = await connect();
  spruce = await createTenant('spruce');
  idp = await startOidcProvider(
    { sam: { email: 'sam@spruce-idp.test', email_verified: true, name: 'Sam Spruce', groups: ['estate-managers'] } },
    [`${server().url}/t/${spruce.slug}/api/v1/auth/sso/callback`],
  );
  const api = createCourtyardClient({ baseUrl: server().url, tenant: spruce.slug });
  const token = accessTokenOf((await api.POST('/api/v1/auth/login', { body: { email: spruce.email, password: TENANT_PASSWORD } })).data);
  const res = await fetch(`${server().url}/t/${spruce.slug}/api/v1/sso/providers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Spruce ID', issuer: idp.issuer, clientId: OIDC_CLIENT.clientId, clientSecret: OIDC_CLIENT.clientSecret, scopes: ['openid', 'email', 'profile', 'groups'], roleClaim: 'groups', roleMapping: { 'estate-managers': 'manager' }, emailDomains: ['spruce-idp.test'], required: true, jitProvisioning: true }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
});

describe('single sign-on', () => {
  it('signs a new user in through the provider from the sign-in page, and shows the SSO settings', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${spruce.slug}/`);
    await expectPageShape(page, 'Sign in to your workspace');
    // An address of the required domain is told to use the provider.
    await page.getByLabel('Email').fill('sam@spruce-idp.test');
    await page.getByLabel('Password').focus();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your organisation signs in with Spruce ID');
    await expectAccessible(page, 'sign-in with single sign-on');
    await screenshot(page, 'sign-in');

    await page.getByRole('link', { name: 'Sign in with Spruce ID' }).click();
    // The provider's own login page (oidc-provider's development interaction).
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill('sam');
    await page.locator('input[name="password"]').fill('any-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.waitForURL((url) => url.href.startsWith(server().url));
    await expectPageShape(page, 'Welcome to Spruce Estate');
    expect(new URL(page.url()).pathname).toBe(`/t/${spruce.slug}/`);

    // Provisioned as a manager (from the group), who manages single sign-on.
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    await expectPageShape(page, 'Single sign-on');
    await expect.poll(() => page.getByRole('cell', { name: 'Spruce ID', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText(`${server().url}/t/${spruce.slug}/api/v1/auth/sso/callback`).count()).toBe(1);
    await expectAccessible(page, 'single sign-on settings');
    await page.getByRole('link', { name: 'Edit Spruce ID' }).click();
    await expect.poll(() => page.getByLabel('Issuer URL').inputValue()).toBe(idp.issuer);
    // The secret is write-only: the field starts empty.
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');
    expect(await page.content()).not.toContain(OIDC_CLIENT.clientSecret);
    await expectAccessible(page, 'single sign-on provider form');
    // The provider's page loads a web font from the internet, which this machine cannot reach.
    expect(problems.filter((p) => !p.includes('net::ERR_'))).toEqual([]);
  });

  it('comes back to the sign-in page with the reason when the provider refuses', async () => {
    const { page } = await openPage(browser);
    await page.goto(`/t/${spruce.slug}/?sso_error=no_account`);
    await expectPageShape(page, 'Sign in to your workspace');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no account for your email address here');
  });
});
