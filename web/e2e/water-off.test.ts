import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, connect, createTenant, expectAccessible, expectPageShape, must, openPage, server, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';
import { mailTo } from './mailbox.js';

/**
 * The communications issue's "done when", end to end (tenant `boxwood`): a manager tells only the
 * owners of Block C, by e-mail and SMS, that their water is off tomorrow, with the plumber's
 * notice from the library attached. They schedule it, think better of it and send it now; they
 * see who received it and whose address bounced; an owner reads it, and opens the notice, in the
 * portal. E-mail goes to the test's SMTP server (which refuses addresses at bounce.test), SMS to
 * the Twilio stand-in, whose signed status callbacks come back to Courtyard.
 */

const PHONE = { width: 390, height: 844 };
const TITLE = 'Water off tomorrow';
const CARLA_PHONE = '+447700900101';
const NOTICE = 'Plumber’s notice';
let browser: Browser;
let boxwood: { slug: string; email: string };
let manager: CourtyardClient;
let colm: string;

async function unitIn(block: string, label: string): Promise<string> {
  return (await must(manager.POST('/api/v1/properties/{id}/units', { params: { path: { id: block } }, body: { label, kind: 'apartment' } }))).id;
}

/** A member in a unit, in a role; with a portal login when they have an address at boxwood.test. */
async function member(first: string, email: string, unitId: string, role: 'owner' | 'resident', phone?: string): Promise<string> {
  const m = await must(manager.POST('/api/v1/members', { body: { firstName: first, lastName: 'Boxwood', type: role, email, ...(phone ? { phone } : {}) } }));
  await must(manager.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unitId } }, body: { memberId: m.id, role, startDate: '2024-01-01', ...(role === 'owner' ? { ownershipShare: '1' } : {}) } }));
  if (email.endsWith('@boxwood.test')) await must(manager.POST('/api/v1/users', { body: { email, name: `${first} Boxwood`, password: TENANT_PASSWORD, roles: ['member'], memberId: m.id } }));
  return m.id;
}

/** The plumber's notice in the library, shared with the members of Block C (the raw body of POST /documents/{id}/versions). */
async function plumbersNotice(blockC: string): Promise<void> {
  const doc = await must(manager.POST('/api/v1/documents', { body: { title: NOTICE, category: 'maintenance', tags: ['water'] } }));
  await must(manager.PATCH('/api/v1/documents/{id}', { params: { path: { id: doc.id } }, body: { audience: `property:${blockC}` } }));
  const login = await manager.POST('/api/v1/auth/login', { body: { email: boxwood.email, password: TENANT_PASSWORD } });
  const uploaded = await fetch(`${server().url}/t/${boxwood.slug}/api/v1/documents/${doc.id}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessTokenOf(login.data)}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('plumber notice.pdf') },
    body: '%PDF-1.4\n% The mains valve of Block C is closed from 9:00 to 12:00.\n%%EOF\n',
  });
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
}

/** The messages the Twilio stand-in took for a number, as Twilio's API lists them. */
async function textsTo(number: string): Promise<{ body: string; status: string }[]> {
  const { url, accountSid, authToken } = server().twilio;
  const res = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Messages.json?To=${encodeURIComponent(number)}`, { headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` } });
  return ((await res.json()) as { messages: { body: string; status: string }[] }).messages;
}

async function signIn(page: Page, path: string, email: string, title: string) {
  await page.goto(`/t/${boxwood.slug}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

/** Tomorrow at 08:00 as a `datetime-local` value (the tenant's zone is UTC). */
function tomorrowMorning(): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T08:00`;
}

beforeAll(async () => {
  browser = await connect();
  boxwood = await createTenant('boxwood');
  manager = await managerApi(boxwood);
  const blockC = (await must(manager.POST('/api/v1/properties', { body: { name: 'Block C', kind: 'residential' } }))).id;
  const blockD = (await must(manager.POST('/api/v1/properties', { body: { name: 'Block D', kind: 'residential' } }))).id;
  const c1 = await unitIn(blockC, 'C-1');
  await member('Carla', 'carla@boxwood.test', c1, 'owner', CARLA_PHONE);
  // An owner whose address does not exist: the SMTP server refuses it.
  colm = await member('Colm', 'colm@bounce.test', await unitIn(blockC, 'C-2'), 'owner');
  // A resident of Block C who is no owner, and an owner of Block D: neither is told.
  await member('Ruth', 'ruth@boxwood.test', c1, 'resident', '+447700900102');
  await member('Dora', 'dora@boxwood.test', await unitIn(blockD, 'D-1'), 'owner', '+447700900103');
  await plumbersNotice(blockC);
});
afterAll(() => browser?.close());

describe('the water is off tomorrow in Block C', () => {
  it('an owner asks, in the portal, to be told about maintenance by SMS', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await signIn(page, '/portal/', 'carla@boxwood.test', 'Welcome, Carla Boxwood');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Me', exact: true }).click();
    const card = page.getByTestId('notifications');
    await expect.poll(() => card.getByRole('checkbox', { name: 'Maintenance by text message (SMS)' }).count()).toBe(1);
    // The label is what a thumb taps (the box itself is drawn over the hidden input).
    await card.getByText('Maintenance by text message (SMS)', { exact: true }).click();
    expect(await card.getByRole('checkbox', { name: 'Maintenance by text message (SMS)' }).isChecked()).toBe(true);
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Saved.');
    expect(problems).toEqual([]);
  });

  it('the manager tells only the owners of Block C, by e-mail and SMS, with the notice attached, and sees who got it and who bounced', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/announcements/new', boxwood.email, 'New announcement');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Message').fill('The water of **Block C** is off from 9:00 to 12:00 tomorrow: fill a kettle tonight.');
    await page.getByLabel('Category').selectOption({ label: 'Maintenance' });
    await page.getByRole('checkbox', { name: 'SMS' }).check();
    await page.getByRole('radio', { name: 'Criteria' }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Block C', exact: true }).count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Block C', exact: true }).check();
    await page.getByRole('group', { name: 'Roles in the unit' }).getByRole('checkbox', { name: 'Owner' }).check();

    // The plumber's notice, from the library: shared with Block C, so the recipients can open it.
    await page.getByLabel('Find a document').fill('plumber');
    await page.getByRole('button', { name: `Attach ${NOTICE}` }).click();
    const chosen = page.getByRole('list', { name: 'Attached documents' });
    await expect.poll(() => chosen.textContent()).toContain('Shared with: Members of a property');
    expect(await chosen.textContent()).not.toContain('Recipients cannot open it');

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('2 members in the audience');
    const preview = (await page.getByTestId('preview').textContent()) ?? '';
    expect(preview).toContain('2 by e-mail');
    // Colm has no phone and never asked for texts: one SMS, its parts counted before sending.
    expect(preview).toMatch(/1 by SMS .*1 part each \(GSM-7\), 1 parts in all/);
    await expectAccessible(page, 'announcement with SMS and an attachment');

    // Scheduled for tomorrow morning, then taken back and sent now.
    await page.getByLabel(/^Send at/).fill(tomorrowMorning());
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('It goes out on');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(TITLE);
    await expect.poll(() => page.getByTestId('announcement-status').textContent(), { timeout: 15_000 }).toBe('Scheduled');
    await page.getByRole('button', { name: 'Unschedule' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Unschedule' }).click();
    await expect.poll(() => page.getByTestId('announcement-status').textContent(), { timeout: 15_000 }).toBe('Draft');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => page.getByRole('alertdialog').getByTestId('send-count').textContent()).toContain('2 members');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('announcement-status').textContent(), { timeout: 30_000 }).toBe('Sent');

    // Who received it: Carla by e-mail and by SMS (delivered, as Twilio's signed callback said); Colm's address bounced.
    const totals = page.getByTestId('totals');
    await expect.poll(() => totals.getByRole('row', { name: /^E-mail/ }).getByRole('cell').allTextContents(), { timeout: 30_000 }).toEqual(['0', '1', '0', '1', '0', '0', '0']);
    await expect.poll(() => totals.getByRole('row', { name: /^SMS/ }).getByRole('cell').allTextContents(), { timeout: 30_000 }).toEqual(['0', '0', '1', '0', '0', '1', '0']);
    await page.getByLabel('Status').selectOption({ label: 'Bounced' });
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('bounced');
    await expect.poll(() => page.getByRole('cell', { name: 'colm@bounce.test' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'Carla Boxwood' }).count()).toBe(0);
    await expectAccessible(page, 'delivery with a bounce');

    const mail = await mailTo('carla@boxwood.test', (m) => (m.subject ?? '').includes(TITLE));
    expect(mail.text).toContain('fill a kettle');
    const texts = await textsTo(CARLA_PHONE);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain(TITLE);
    expect(await textsTo('+447700900102')).toEqual([]);
    expect(await textsTo('+447700900103')).toEqual([]);

    // Staff see the bounce on the member.
    await page.goto(`/t/${boxwood.slug}/members/${colm}`);
    await expectPageShape(page, 'Colm Boxwood');
    await expect.poll(() => page.getByTestId('contact-status').textContent()).toContain('E-mail bounced: colm@bounce.test');
    expect(problems).toEqual([]);
  });

  it('an owner of Block C reads it in the portal and opens the notice; an owner of Block D never sees it', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await signIn(page, '/portal/', 'carla@boxwood.test', 'Welcome, Carla Boxwood');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'News' }).click();
    await expectPageShape(page, 'News');
    const item = page.getByTestId('news-item').filter({ hasText: TITLE });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => item.getByRole('button', { name: `Download ${NOTICE}` }).count()).toBe(1);
    await expectAccessible(page, 'news with an attachment');
    const [file] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: `Download ${NOTICE}` }).click()]);
    expect(file.suggestedFilename()).toBe('plumber notice.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toContain('mains valve of Block C');
    expect(problems).toEqual([]);

    const other = await openPage(browser, PHONE);
    await signIn(other.page, '/portal/', 'dora@boxwood.test', 'Welcome, Dora Boxwood');
    await other.page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'News' }).click();
    await expectPageShape(other.page, 'News');
    await expect.poll(() => other.page.getByText('No announcements yet.').count()).toBe(1);
    expect(other.problems).toEqual([]);
  });
});
