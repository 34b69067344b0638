import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { connect, createTenant, expectAccessible, expectPageShape, must, openPage, server, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';
import { invitationLinkTo } from './mailbox.js';
import { enableCards, standInCheckout, stripePaid } from './card-payments.js';

/**
 * From the workspace's "Invite to portal" to a paid charge, at a phone's size for the member:
 * the manager invites a member from their page, the member opens the e-mailed link on the
 * tenant's branded pages (its name, logo, colour and default language), chooses one of two
 * charges, pays it through the Stripe stand-in, and the return page says "received" only once
 * the signed webhook has recorded it; the workspace then shows the payment on that charge alone.
 */

const PHONE = { width: 390, height: 844 };
const LOGO = 'https://cdn.sequoia.test/logo.png';
// A 1×1 PNG: the logo the stand-in CDN answers.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const today = new Date().toISOString().slice(0, 10);

let browser: Browser;
let sequoia: { slug: string; email: string };
let manager: CourtyardClient;
let member: { id: string; email: string };
let liftCharge: string;

async function withLogo(context: BrowserContext) {
  await context.route(LOGO, (route) => route.fulfill({ contentType: 'image/png', body: PNG }));
}

/** The office's clerk, a manager without an authenticator (the tenant's owner enrolled one to set up Stripe). */
const CLERK = 'office@sequoia.test';

async function managerSignsIn(page: Page, path: string, title: string) {
  await withLogo(page.context());
  await page.goto(`/t/${sequoia.slug}${path}`);
  await page.getByLabel('Email').fill(CLERK);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

beforeAll(async () => {
  browser = await connect();
  sequoia = await createTenant('sequoia');
  manager = await managerApi(sequoia);
  await must(manager.PATCH('/api/v1/settings/branding', { body: { displayName: 'Sequoia Grove', primaryColor: '#7c2d12', logoUrl: LOGO } }));
  await must(manager.PATCH('/api/v1/settings/regional', { body: { defaultLocale: 'es' } }));
  member = { email: 'rhea@sequoia.test', id: '' };
  member.id = (await must(manager.POST('/api/v1/members', { body: { firstName: 'Rhea', lastName: 'Redwood', type: 'owner', email: member.email } }))).id;
  await must(manager.POST('/api/v1/finance/charges', { body: { memberId: member.id, kind: 'levy', description: 'Garden levy', amount: 8_000, currency: 'EUR', dueDate: today } }));
  liftCharge = (await must(manager.POST('/api/v1/finance/charges', { body: { memberId: member.id, kind: 'levy', description: 'Lift repair', amount: 4_500, currency: 'EUR', dueDate: today } }))).id;
  await must(manager.POST('/api/v1/users', { body: { email: CLERK, name: 'Office Clerk', password: TENANT_PASSWORD, roles: ['manager'] } }));
  await enableCards(sequoia);
});
afterAll(() => browser?.close());

describe('paying chosen charges from a workspace invitation', () => {
  let link: URL;
  let paymentId: string;

  it('lets the manager invite the member from their page, which then says Invited', async () => {
    const { page, problems } = await openPage(browser);
    await managerSignsIn(page, `/members/${member.id}`, 'Rhea Redwood');
    await page.getByRole('button', { name: 'Invite to portal' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByTestId('portal-state').textContent()).toBe('Invited: has not accepted yet');
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Invitation sent to ${member.email}` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Resend invitation' }).count()).toBe(1);
    await expectAccessible(page, 'member page, invited');
    link = await invitationLinkTo(member.email);
    expect(problems).toEqual([]);
  });

  it("shows the member the tenant's branded pages in its language, then their portal once they accept", async () => {
    // A browser that asks for a language Courtyard does not ship (French) is given the tenant's.
    const { context, page, problems } = await openPage(browser, PHONE, { locale: 'fr-FR' });
    await withLogo(context);
    // Before sign-in: the tenant's name, logo and colour, in its default language (Spanish).
    await page.goto(`/t/${sequoia.slug}/portal/`);
    await expectPageShape(page, 'Inicie sesión en su portal de miembros');
    await expect.poll(() => page.getByTestId('brand').textContent()).toBe('Sequoia Grove');
    expect(await page.getByTestId('brand').locator('img').getAttribute('src')).toBe(LOGO);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-brand').trim())).toBe('#7c2d12');
    expect(await page.title()).toBe('Sequoia Grove');
    await expectAccessible(page, 'branded sign-in');
    // The member prefers English: chosen here, it is kept for the pages after.
    await page.getByLabel('Idioma').selectOption('en');
    await expectPageShape(page, 'Sign in to your member portal');

    await page.goto(`/t/${sequoia.slug}/portal/forgot-password`);
    await expect.poll(() => page.getByTestId('brand').textContent()).toBe('Sequoia Grove');
    await expectAccessible(page, 'branded forgot password');

    await page.goto(`/t/${sequoia.slug}${link.pathname}${link.hash}`);
    await expectPageShape(page, 'Accept your invitation');
    await expect.poll(() => page.getByTestId('brand').textContent()).toBe('Sequoia Grove');
    await expectAccessible(page, 'branded accept invitation');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Choose a password').fill('redwoods grow tall by the coast');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/t/${sequoia.slug}/portal/`);
    await expectPageShape(page, 'Welcome, Rhea Redwood');
    expect(problems).toEqual([]);
  });

  it('pays the one charge the member chose, pending until the signed webhook records it', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await withLogo(context);
    const checkout = await standInCheckout(context);
    await page.goto(`/t/${sequoia.slug}/portal/money`);
    // An English browser: the tenant's default language (Spanish) is for browsers that ask for none we ship.
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill('redwoods grow tall by the coast');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'My money');

    const choose = page.getByTestId('choose-charges');
    await expect.poll(() => choose.getByRole('checkbox').count()).toBe(2);
    await expect.poll(() => page.getByTestId('chosen-total').textContent()).toBe('No charge chosen yet.');
    await choose.getByRole('checkbox', { name: /Lift repair/ }).check();
    await expect.poll(() => page.getByTestId('chosen-total').textContent()).toBe('1 charge chosen: €45.00');
    await choose.getByRole('checkbox', { name: /Garden levy/ }).check();
    await expect.poll(() => page.getByTestId('chosen-total').textContent()).toBe('2 charges chosen: €125.00');
    await choose.getByRole('checkbox', { name: /Garden levy/ }).uncheck();
    await expectAccessible(page, 'money, a charge chosen');
    await page.getByRole('button', { name: 'Pay €45.00 for the chosen charges' }).click();
    await expectPageShape(page, 'Stripe Checkout stand-in');
    const providerSessionId = checkout.sessionId()!;
    const asked = (await (await fetch(`${server().stripe.url}/v1/checkout/sessions/${providerSessionId}`, { headers: { authorization: `Bearer ${server().stripe.secretKey}` } })).json()) as { amount_total: number };
    expect(asked.amount_total).toBe(4_500);

    // Back from Stripe before its webhook: pending, never "paid".
    await page.goto(`/t/${sequoia.slug}/portal/payment`);
    await expectPageShape(page, 'Card payment');
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toContain('Your payment of €45.00 is being confirmed');
    await expectAccessible(page, 'payment pending');
    const delivered = await stripePaid(sequoia, providerSessionId, { email: member.email, name: 'Rhea Redwood' });
    expect(delivered.status).toBe(200);
    const receipt = (await delivered.json()) as { outcome: string; paymentId: string };
    expect(receipt.outcome).toBe('recorded');
    paymentId = receipt.paymentId;
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 10_000 }).toContain('Payment of €45.00 received');
    await page.getByRole('link', { name: 'All my money' }).click();
    await expectPageShape(page, 'My money');
    await expect.poll(() => page.getByTestId('balance').first().textContent()).toBe('You owe €80.00');
    // One open charge left: nothing to choose between.
    expect(await page.getByTestId('choose-charges').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the manager the payment allocated to the chosen charge alone, and the member with portal access', async () => {
    const { context, page, problems } = await openPage(browser);
    await withLogo(context);
    await page.goto(`/t/${sequoia.slug}/finance/payments/${paymentId}`);
    await page.getByLabel('Email').fill(CLERK);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([expect.stringMatching(/^Payment of €45\.00 on /)]);
    const allocations = page.getByRole('table', { name: 'Allocations' });
    await expect.poll(() => allocations.getByRole('link').count()).toBe(1);
    expect(await allocations.getByRole('link').getAttribute('href')).toContain(liftCharge);
    expect(await allocations.textContent()).toContain('€45.00');
    await expectAccessible(page, 'payment with its allocation');
    await allocations.getByRole('link', { name: 'Open charge' }).click();
    await expectPageShape(page, 'Lift repair');
    const lift = await must(manager.GET('/api/v1/finance/charges/{id}', { params: { path: { id: liftCharge } } }));
    expect(lift).toMatchObject({ status: 'paid', outstanding: 0 });

    await page.goto(`/t/${sequoia.slug}/members/${member.id}`);
    await expectPageShape(page, 'Rhea Redwood');
    await expect.poll(() => page.getByTestId('portal-state').textContent()).toBe('Has portal access');
    expect(await page.getByRole('button', { name: 'Resend invitation' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
