import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { connect, createTenant, expectAccessible, expectPageShape, must, openPage, screenshot, server, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';
import { mailTo } from './mailbox.js';
import { expectNoEnglish } from './no-english.js';

/**
 * Announcements end to end (tenant `magnolia`): the manager writes one to the owners of one
 * block (criteria saved as a segment), previews who it reaches, sends it and watches its
 * delivery; an owner of that block reads it in the portal's News (at a phone's size), which
 * marks it read; an owner of another block does not see it.
 */

const PHONE = { width: 390, height: 844 };
const TITLE = 'Lift out of service';
let browser: Browser;
let magnolia: { slug: string; email: string };
let manager: CourtyardClient;
const emailOf = (first: string) => `${first.toLowerCase()}@magnolia.test`;

/** A member of the tenant in a unit of a block, in a role, with a portal login when asked. */
async function member(first: string, unitId: string, role: 'owner' | 'resident', login: boolean): Promise<string> {
  const email = emailOf(first);
  const m = await must(manager.POST('/api/v1/members', { body: { firstName: first, lastName: 'Magnolia', type: role, email } }));
  await must(manager.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unitId } }, body: { memberId: m.id, role, startDate: '2024-01-01', ...(role === 'owner' ? { ownershipShare: '1' } : {}) } }));
  if (login) await must(manager.POST('/api/v1/users', { body: { email, name: `${first} Magnolia`, password: TENANT_PASSWORD, roles: ['member'], memberId: m.id } }));
  return email;
}

async function unitIn(block: string, label: string): Promise<string> {
  return (await must(manager.POST('/api/v1/properties/{id}/units', { params: { path: { id: block } }, body: { label, kind: 'apartment' } }))).id;
}

async function signIn(page: Page, path: string, email: string, title: string) {
  await page.goto(`/t/${magnolia.slug}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

beforeAll(async () => {
  browser = await connect();
  magnolia = await createTenant('magnolia');
  manager = await managerApi(magnolia);
  const north = (await must(manager.POST('/api/v1/properties', { body: { name: 'North Block', kind: 'residential' } }))).id;
  const south = (await must(manager.POST('/api/v1/properties', { body: { name: 'South Block', kind: 'residential' } }))).id;
  const n1 = await unitIn(north, 'N-1');
  await member('Nora', n1, 'owner', true);
  await member('Ned', await unitIn(north, 'N-2'), 'owner', false);
  // A resident of the block, not an owner: outside the segment.
  await member('Rita', n1, 'resident', false);
  await member('Sam', await unitIn(south, 'S-1'), 'owner', true);
});
afterAll(() => browser?.close());

describe('announcements', () => {
  it('are written to the owners of one block, previewed, sent, and followed recipient by recipient', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/announcements', magnolia.email, 'Announcements');
    await expectAccessible(page, 'announcements list');
    await page.getByRole('link', { name: 'New announcement' }).click();
    await expectPageShape(page, 'New announcement');

    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Message').fill('The **lift** of North Block is out of service on Monday.\n\n# What to do\n- use the stairs\n- ask the office for help');
    await page.getByLabel('Category').selectOption({ label: 'Maintenance' });
    expect(await page.getByRole('checkbox', { name: 'E-mail' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Criteria' }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: 'North Block', exact: true }).count()).toBe(1);
    await page.getByRole('checkbox', { name: 'North Block', exact: true }).check();
    await page.getByRole('group', { name: 'Roles in the unit' }).getByRole('checkbox', { name: 'Owner' }).check();
    await page.getByRole('checkbox', { name: 'Save these criteria as a segment' }).check();
    await page.getByLabel('Segment name').fill('North Block owners');

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('2 members in the audience');
    const preview = (await page.getByTestId('preview').textContent()) ?? '';
    expect(preview).toContain('2 by e-mail (0 opted out, 0 without an address, 0 bounced)');
    expect(preview).toContain('Nora Magnolia');
    expect(preview).toContain('Ned Magnolia');
    expect(preview).not.toContain('Rita');
    expect(preview).not.toContain('Sam');
    await expectAccessible(page, 'new announcement with its preview');

    await page.getByRole('button', { name: 'Send now' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByTestId('send-count').textContent()).toContain('2 members');
    await expectAccessible(page, 'send dialog');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    // Saving the segment, the draft and sending it are three requests: on a busy machine, more than a second.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(TITLE);
    await expectPageShape(page, TITLE);
    await expect.poll(() => page.getByTestId('announcement-status').textContent(), { timeout: 30_000 }).toBe('Sent');
    // The body's heading sits under the page's h1 and the section's h2.
    expect(await page.getByTestId('announcement-html').locator('h3').textContent()).toBe('What to do');
    expect(await page.getByTestId('announcement-html').locator('strong').textContent()).toBe('lift');

    // The dashboard: per channel, then who received it.
    await expect.poll(() => page.getByRole('cell', { name: 'Nora Magnolia' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Rita Magnolia').count()).toBe(0);
    await page.getByLabel('Channel').selectOption({ label: 'E-mail' });
    await expect.poll(() => new URL(page.url()).searchParams.get('channel')).toBe('email');
    await expect.poll(() => page.getByRole('cell', { name: emailOf('Nora') }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('totals').getByRole('row', { name: /^E-mail/ }).count()).toBe(1);
    await expectAccessible(page, 'announcement delivery');
    await screenshot(page, 'announcement');

    // The e-mail reached an owner of the block.
    const mail = await mailTo(emailOf('Nora'), (m) => (m.text ?? '').includes('out of service'));
    expect(mail.subject).toContain(TITLE);

    // Nora unsubscribes in one click (RFC 8058); her page then says so, under Contact status.
    const token = /communications\/unsubscribe\/([A-Za-z0-9_.-]+)/.exec(mail.text ?? '')![1]!;
    const unsubscribed = await fetch(`${server().url}/t/${magnolia.slug}/api/v1/communications/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsubscribed.status).toBe(200);
    await page.getByRole('link', { name: 'Nora Magnolia' }).click();
    await expectPageShape(page, 'Nora Magnolia');
    await expect.poll(() => page.getByTestId('contact-status').textContent()).toContain('Maintenance by E-mail, through the unsubscribe link');
    await expectAccessible(page, 'member with an opt-out');

    // The list finds it by its title and status, both in the URL.
    await page.goto(`/t/${magnolia.slug}/announcements?q=lift&status=sent`);
    await expect.poll(() => page.getByRole('link', { name: TITLE }).count()).toBe(1);
    expect(await page.getByLabel('Status').inputValue()).toBe('sent');

    // The criteria were saved as a segment a new announcement can pick.
    await page.getByRole('link', { name: 'New announcement' }).click();
    await page.getByRole('radio', { name: 'A saved segment' }).check();
    await expect.poll(() => page.getByLabel('Segment').locator('option', { hasText: 'North Block owners' }).count()).toBe(1);

    // Settings → Communications.
    await page.goto(`/t/${magnolia.slug}/settings`);
    await expectPageShape(page, 'Settings');
    const settings = page.getByTestId('communications-settings');
    await settings.getByRole('checkbox', { name: 'Hold SMS during quiet hours' }).check();
    await settings.getByLabel('Quiet from').fill('22:00');
    await settings.getByLabel('Quiet until').fill('07:30');
    await settings.getByRole('button', { name: 'Save communications settings' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Communications settings saved.');
    await expectAccessible(page, 'communications settings');
    expect(problems).toEqual([]);
  });

  it('reach an owner of that block in the portal, where opening one marks it read, and no one outside it', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await signIn(page, '/portal/', emailOf('Nora'), 'Welcome, Nora Magnolia');
    await expect.poll(() => page.getByTestId('latest-news').textContent()).toContain(TITLE);
    // Five items in the bottom bar, and nothing wider than the phone.
    expect(await page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents()).toEqual(['Home', 'Money', 'News', 'Documents', 'Me']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'News' }).click();
    await expectPageShape(page, 'News');
    const item = page.getByTestId('news-item').filter({ hasText: TITLE });
    await expect.poll(() => item.getByText('New', { exact: true }).count()).toBe(1);
    expect(await item.textContent()).toContain('Maintenance');
    await expectAccessible(page, 'portal news');
    await item.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => item.getByText('use the stairs').count()).toBe(1);
    await expect.poll(() => item.getByText('New', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'portal news opened');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('link', { name: 'Choose how you are told' }).count()).toBe(1);

    // Read on the server too: a reload shows it read, and Home has no unread news left.
    await page.reload();
    await expectPageShape(page, 'News');
    await expect.poll(() => page.getByTestId('news-item').filter({ hasText: TITLE }).count()).toBe(1);
    expect(await page.getByTestId('news-item').filter({ hasText: TITLE }).getByText('New', { exact: true }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Home' }).click();
    await expectPageShape(page, 'Welcome, Nora Magnolia');
    expect(await page.getByTestId('latest-news').count()).toBe(0);
    expect(problems).toEqual([]);

    const other = await openPage(browser, PHONE);
    await signIn(other.page, '/portal/', emailOf('Sam'), 'Welcome, Sam Magnolia');
    await other.page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'News' }).click();
    await expectPageShape(other.page, 'News');
    await expect.poll(() => other.page.getByText('No announcements yet.').count()).toBe(1);
    expect(await other.page.getByText(TITLE).count()).toBe(0);
    expect(other.problems).toEqual([]);
  });

  it('read in Spanish on a phone: the bar of five still fits, and News has no English message', async () => {
    const { page, problems } = await openPage(browser, PHONE, { locale: 'es-ES' });
    await page.goto(`/t/${magnolia.slug}/portal/`);
    await page.getByLabel('Correo electrónico').fill(emailOf('Nora'));
    await page.getByLabel('Contraseña').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expectPageShape(page, 'Le damos la bienvenida, Nora Magnolia');
    const bar = page.getByRole('navigation', { name: 'Portal' });
    expect(await bar.getByRole('link').allTextContents()).toEqual(['Inicio', 'Dinero', 'Noticias', 'Documentos', 'Yo']);
    await bar.getByRole('link', { name: 'Noticias' }).click();
    await expectPageShape(page, 'Noticias');
    const item = page.getByTestId('news-item').filter({ hasText: TITLE });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Mantenimiento');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoEnglish(page, 'portal news');
    await expectAccessible(page, 'portal news in Spanish');
    expect(problems).toEqual([]);
  });
});
