import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { connect, createTenant, expectAccessible, expectPageShape, must, openPage, screenshot, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';

/**
 * The document library end to end: the manager uploads a document in the workspace and shares it
 * with one unit; a member of that unit downloads it in the portal, a member of another does not
 * see it.
 */

const PHONE = { width: 390, height: 844 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let browser: Browser;
let cypress: { slug: string; email: string };
let manager: CourtyardClient;

/** A member living in their own unit, with a portal login. */
async function resident(first: string, unitLabel: string): Promise<string> {
  const email = `${first.toLowerCase()}@${cypress.slug}.test`;
  const member = await must(manager.POST('/api/v1/members', { body: { firstName: first, lastName: 'Cypress', type: 'resident', email } }));
  const block = await must(manager.POST('/api/v1/properties', { body: { name: `${unitLabel} House`, kind: 'residential' } }));
  const unit = await must(manager.POST('/api/v1/properties/{id}/units', { params: { path: { id: block.id } }, body: { label: unitLabel, kind: 'apartment' } }));
  await must(manager.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unit.id } }, body: { memberId: member.id, role: 'resident', startDate: '2024-01-01' } }));
  await must(manager.POST('/api/v1/users', { body: { email, name: `${first} Cypress`, password: TENANT_PASSWORD, roles: ['member'], memberId: member.id } }));
  return email;
}

async function signIn(page: Page, path: string, email: string, title: string) {
  await page.goto(`/t/${cypress.slug}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, title);
}

let cleo: string;
let dora: string;
beforeAll(async () => {
  browser = await connect();
  cypress = await createTenant('cypress');
  manager = await managerApi(cypress);
  cleo = await resident('Cleo', 'C-1');
  dora = await resident('Dora', 'D-1');
});
afterAll(() => browser?.close());

describe('the document library', () => {
  it('uploads a document in the workspace and shares it with one unit', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, '/documents', cypress.email, 'Documents');
    await expectAccessible(page, 'document library');
    await page.getByLabel('New folder name').fill('Building');
    await page.getByRole('button', { name: 'Add folder' }).click();
    await page.getByRole('link', { name: 'Building' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('folder')).toBeTruthy();

    await page.getByLabel('Title').fill('Lift maintenance plan');
    await page.getByLabel('File').setInputFiles({ name: 'lift plan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expectPageShape(page, 'Lift maintenance plan');
    await expect.poll(() => page.getByRole('cell', { name: 'lift plan.pdf' }).count()).toBe(1);
    await expectAccessible(page, 'document page');

    await page.getByLabel('Who sees it').selectOption({ label: 'Members of a unit' });
    await expect.poll(() => page.getByLabel('Unit').locator('option', { hasText: 'C-1' }).count()).toBe(1);
    await page.getByLabel('Unit').selectOption({ label: 'C-1' });
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Sharing saved.');
    await expectAccessible(page, 'document sharing');
    await screenshot(page, 'document');

    // A second version, dropped on the upload area.
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4\n% version two\n%%EOF\n'], 'lift plan v2.pdf', { type: 'application/pdf' }));
      return data;
    });
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByText('Chosen: lift plan v2.pdf').count()).toBe(1);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'lift plan v2.pdf' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Download version/ }).count()).toBe(2);

    // Search in the URL finds it.
    await page.goto(`/t/${cypress.slug}/documents?q=lift`);
    await expect.poll(() => page.getByRole('link', { name: 'Lift maintenance plan' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('lets a member of that unit download it in the portal, and shows it to no other member', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    await signIn(page, '/portal/', cleo, 'Welcome, Cleo Cypress');
    await page.getByRole('link', { name: 'Documents' }).click();
    await expectPageShape(page, 'My documents');
    await expect.poll(() => page.getByRole('heading', { name: 'Lift maintenance plan' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'portal documents');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Lift maintenance plan' }).click()]);
    expect(file.suggestedFilename()).toBe('lift plan v2.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toContain('version two');
    expect(problems).toEqual([]);

    const other = await openPage(browser, PHONE);
    await signIn(other.page, '/portal/', dora, 'Welcome, Dora Cypress');
    await other.page.getByRole('link', { name: 'Documents' }).click();
    await expectPageShape(other.page, 'My documents');
    await expect.poll(() => other.page.getByText('Nothing is shared with you yet.').count()).toBe(1);
    expect(await other.page.getByText('Lift maintenance plan').count()).toBe(0);
    expect(other.problems).toEqual([]);
  });
});
