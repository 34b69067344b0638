import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { connect, createTenant, expectAccessible, expectPageShape, must, openPage, screenshot, server } from './browser.js';
import { managerApi } from './finance-setup.js';
import { invitationLinkTo } from './mailbox.js';
import { enableCards, standInCheckout, stripePaid } from './card-payments.js';

/**
 * The member portal, at a phone's size: a member invited by the manager opens the e-mail's link,
 * chooses a password, lands in the portal signed in, sees their home and balance, and downloads
 * their statement; a second member sees only their own.
 */

const PHONE = { width: 390, height: 844 };
let browser: Browser;
let poplar: { slug: string; email: string };
let manager: CourtyardClient;
const today = new Date().toISOString().slice(0, 10);
const year = today.slice(0, 4);

interface Resident {
  memberId: string;
  email: string;
  unit: string;
  charge: string;
  statementId: string;
}
let petra: Resident;
let quentin: Resident;

/** A member with a home, a charge and a statement of this year, set up by the manager through the API. */
async function resident(first: string, last: string, unitLabel: string, charge: { description: string; amount: number }): Promise<Resident> {
  const email = `${first.toLowerCase()}@${poplar.slug}.test`;
  const member = await must(manager.POST('/api/v1/members', { body: { firstName: first, lastName: last, type: 'owner', email } }));
  const block = await must(manager.POST('/api/v1/properties', { body: { name: `${unitLabel} House`, kind: 'residential' } }));
  const unit = await must(manager.POST('/api/v1/properties/{id}/units', { params: { path: { id: block.id } }, body: { label: unitLabel, kind: 'apartment' } }));
  await must(manager.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unit.id } }, body: { memberId: member.id, role: 'owner', startDate: `${year}-01-01`, ownershipShare: '1' } }));
  await must(manager.POST('/api/v1/finance/charges', { body: { memberId: member.id, unitId: unit.id, kind: 'levy', description: charge.description, amount: charge.amount, currency: 'EUR', dueDate: today } }));
  const statement = await must(manager.POST('/api/v1/finance/statements', { body: { memberId: member.id, from: `${year}-01-01`, to: today } }));
  return { memberId: member.id, email, unit: unitLabel, charge: charge.description, statementId: statement.id };
}

async function invite(who: Resident, name: string): Promise<URL> {
  await must(manager.POST('/api/v1/users', { body: { email: who.email, name, roles: ['member'], memberId: who.memberId } }));
  return invitationLinkTo(who.email);
}

async function pdfBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Accepts an invitation on the page its link names (on the tenant's path: the test has no DNS for the tenant's host). */
async function accept(page: Page, link: URL, email: string, password: string) {
  await page.goto(`/t/${poplar.slug}${link.pathname}${link.hash}`);
  await expectPageShape(page, 'Accept your invitation');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
}

/** Signed in from the accept page: the portal, once the password is hashed and the sign-in done. */
async function landed(page: Page, heading: string) {
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/t/${poplar.slug}/portal/`);
  await expectPageShape(page, heading);
}

beforeAll(async () => {
  browser = await connect();
  // Chromium sends *.localhost to this machine: the tenant's own host, with no DNS.
  poplar = await createTenant('poplar', { domains: ['poplar.localhost'] });
  manager = await managerApi(poplar);
  petra = await resident('Petra', 'Pappel', 'P-12', { description: 'Service charge of Pappel House', amount: 12_000 });
  quentin = await resident('Quentin', 'Quaking', 'Q-7', { description: 'Secret levy of Quaking House', amount: 34_500 });
});
afterAll(() => browser?.close());

describe('the member portal', () => {
  it('takes an invited member from the e-mail to their home, balance and statement, on a phone', async () => {
    const link = await invite(petra, 'Petra Pappel');
    // The e-mail links to the tenant's own address, where the workspace's accept page is.
    expect(link.pathname).toBe('/accept-invitation');
    expect(link.host).toBe(`${poplar.slug}.courtyard.test`);

    const { page, problems } = await openPage(browser, PHONE);
    await accept(page, link, petra.email, 'password1234');
    await expect.poll(() => page.getByText('This is one of the most common passwords').count()).toBe(1);
    expect(await page.getByLabel('Choose a password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'accept invitation');
    // The tenant's name is refused too (NIST: no context words).
    await page.getByLabel('Choose a password').fill('poplar leaves turn in the wind');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await expect.poll(() => page.getByText("It may not contain your e-mail name or the organisation's name").count()).toBe(1);
    await page.getByLabel('Choose a password').fill('leaves turn in the autumn wind');
    await page.getByRole('button', { name: 'Set my password' }).click();

    // Signed in, a member's login lands in the portal.
    await landed(page, 'Welcome, Petra Pappel');
    expect(await page.getByTestId('space-name').textContent()).toBe('Poplar Estate');
    await expect.poll(() => page.getByTestId('homes').textContent()).toContain('P-12');
    expect(await page.getByTestId('homes').textContent()).toContain('Owner');
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('You owe €120.00');
    expect(await page.getByTestId('due-next').textContent()).toContain('Service charge of Pappel House: €120.00');
    // Nothing overflows a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'portal home');
    await screenshot(page, 'portal-home');

    await page.getByRole('link', { name: 'Money' }).click();
    await expectPageShape(page, 'My money');
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('Service charge of Pappel House');
    expect(await page.getByTestId('activity').textContent()).toContain('Balance €120.00');
    await expect.poll(() => page.getByTestId('statements').getByRole('button').count()).toBe(1);
    await expectAccessible(page, 'portal money');
    await screenshot(page, 'portal-money');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statements').getByRole('button').click()]);
    expect(pdf.suggestedFilename()).toBe(`statement-${year}-01-01-${today}.pdf`);
    expect((await pdfBytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');

    // The statement's own page (where the monthly statement e-mail links).
    await page.getByTestId('statements').getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/t/${poplar.slug}/portal/statements/${petra.statementId}`);
    await expect.poll(() => page.getByText('Closing balance (EUR)').count()).toBe(1);
    await expectAccessible(page, 'portal statement');

    // The link worked once.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your member portal');
    await expectAccessible(page, 'portal sign-in');
    await accept(page, link, petra.email, 'another quiet evening walk');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This invitation is not valid');
    expect(problems).toEqual([]);
  });

  it("shows a second member only their own records, never the first member's", async () => {
    const link = await invite(quentin, 'Quentin Quaking');
    const { page, problems } = await openPage(browser, PHONE);
    await accept(page, link, quentin.email, 'aspens tremble before the storm');
    await landed(page, 'Welcome, Quentin Quaking');
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('You owe €345.00');
    expect(await page.getByTestId('homes').textContent()).toContain('Q-7');
    expect(await page.locator('body').textContent()).not.toContain('P-12');
    await page.getByRole('link', { name: 'Money' }).click();
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('Secret levy of Quaking House');
    await expect.poll(() => page.getByTestId('statements').getByRole('button').count()).toBe(1);
    const text = await page.locator('body').textContent();
    expect(text).not.toContain('Pappel');
    expect(text).not.toContain('€120.00');

    // Petra's statement, by its address: not Quentin's to see.
    await page.goto(`/t/${poplar.slug}/portal/statements/${petra.statementId}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no such statement of yours');
    expect(await page.locator('body').textContent()).not.toContain('Pappel');
    expect(problems).toEqual([]);
  });

  it('has its own forgot-password page, and sends staff who open it on to their workspace', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await page.goto(`/t/${poplar.slug}/portal/`);
    await expectPageShape(page, 'Sign in to your member portal');
    // Installable from the first page: the tenant's manifest and the worker under the portal's scope.
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(`/t/${poplar.slug}/api/v1/portal/manifest`);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? null), { timeout: 10_000 }).toBe(`${server().url}/t/${poplar.slug}/portal/`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expectPageShape(page, 'Forgot your password?');
    expect(new URL(page.url()).pathname).toBe(`/t/${poplar.slug}/portal/forgot-password`);
    await expectAccessible(page, 'portal forgot password');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expectPageShape(page, 'Sign in to your member portal');

    await page.getByLabel('Email').fill(poplar.email);
    await page.getByLabel('Password').fill('tenant-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'This portal is for members');
    await page.getByRole('link', { name: 'Go to the workspace' }).click();
    await expectPageShape(page, 'Welcome to Poplar Estate');

    // On the tenant's own host: the portal at /portal/, the invitation's page at /accept-invitation.
    const host = `http://poplar.localhost:${new URL(server().url).port}`;
    await page.goto(`${host}/portal/`);
    await expectPageShape(page, 'Sign in to your member portal');
    await page.goto(`${host}/accept-invitation`);
    await expectPageShape(page, 'Accept your invitation');
    expect(await page.getByRole('alert').textContent()).toContain('This invitation is not valid');
    expect(await page.getByRole('link', { name: 'Go to sign in' }).getAttribute('href')).toBe('/portal/');
    expect(problems).toEqual([]);
  });
  it('installs as an app, opens offline and says so, and keeps nothing private on the device after sign-out', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await page.goto(`/t/${poplar.slug}/portal/`);
    await expectPageShape(page, 'Sign in to your member portal');
    // What a browser checks before it offers to install: the manifest's fields and icons, and a worker in control.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
      const body = (await (await fetch(href)).json()) as { name: string; start_url: string; scope: string; display: string; icons: { src: string; sizes: string; type: string }[] };
      const icons = await Promise.all(body.icons.map(async (i) => ({ sizes: i.sizes, status: (await fetch(i.src)).status, type: i.type })));
      return { ...body, icons };
    });
    expect(manifest).toMatchObject({ name: 'Poplar Estate', start_url: `/t/${poplar.slug}/portal/`, scope: `/t/${poplar.slug}/portal/`, display: 'standalone' });
    expect(manifest.icons).toEqual(expect.arrayContaining([{ sizes: '192x192', status: 200, type: 'image/png' }, { sizes: '512x512', status: 200, type: 'image/png' }]));
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');

    await page.getByLabel('Email').fill(quentin.email);
    await page.getByLabel('Password').fill('aspens tremble before the storm');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('You owe €345.00');
    await page.getByRole('link', { name: 'Money' }).click();
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('Secret levy of Quaking House');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPageShape(page, 'Sign in to your member portal');
    // The worker kept the shell and its files, never an answer of the API.
    const kept = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    expect(kept).toContain(`/t/${poplar.slug}/portal/`);
    expect(kept.filter((path) => path.startsWith('/assets/')).length).toBeGreaterThan(0);
    expect(kept.filter((path) => path.includes('/api/'))).toEqual([]);
    expect(problems).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByText('You are offline').count()).toBe(1);
    await expectPageShape(page, 'Sign in to your member portal');
    await expectAccessible(page, 'portal offline');
    expect(await page.locator('body').textContent()).not.toContain('€345.00');
    await context.setOffline(false);
    await expect.poll(() => page.getByText('You are offline').count()).toBe(0);
  });

  it('takes a card payment through Stripe Checkout, pending until the signed webhook records it', async () => {
    await enableCards(poplar);
    const { context, page, problems } = await openPage(browser, PHONE);
    const checkout = await standInCheckout(context);
    await page.goto(`/t/${poplar.slug}/portal/money`);
    await page.getByLabel('Email').fill(petra.email);
    await page.getByLabel('Password').fill('leaves turn in the autumn wind');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'My money');
    await page.getByRole('button', { name: 'Pay €120.00 by card' }).click();
    await expectPageShape(page, 'Stripe Checkout stand-in');
    const providerSessionId = checkout.sessionId()!;
    expect(providerSessionId).toMatch(/^cs_test_/);

    // Back from Stripe before its webhook: pending, never "paid".
    await page.goto(`/t/${poplar.slug}/portal/payment`);
    await expectPageShape(page, 'Card payment');
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toContain('Your payment of €120.00 is being confirmed');
    await expectAccessible(page, 'portal payment pending');

    const delivered = await stripePaid(poplar, providerSessionId, { email: petra.email, name: 'Petra Pappel' });
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toMatchObject({ outcome: 'recorded' });
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 10_000 }).toContain('Payment of €120.00 received');
    await page.getByRole('link', { name: 'All my money' }).click();
    await expectPageShape(page, 'My money');
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('Paid €120.00');
    await expect.poll(() => page.getByTestId('balance').first().textContent()).toBe('All paid: €0.00');
    expect(await page.getByRole('button', { name: /by card/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
