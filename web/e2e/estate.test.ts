import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, screenshot, TENANT_PASSWORD } from './browser.js';

let browser: Browser;
let hazel: { slug: string; email: string };
beforeAll(async () => {
  browser = await connect();
  hazel = await createTenant('hazel');
  await createMember(hazel, 'Olive', 'Owner');
  await createMember(hazel, 'Rhea', 'Renter');
});
afterAll(() => browser?.close());

/** Types a day into a react-aria date field: its first segment, then the digits (day and month are the same here, so the locale's order does not matter). */
async function typeDay(page: Page, label: string, digits: string) {
  await page.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(digits);
}

async function pick(page: Page, label: string, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).fill(text);
  await page.getByRole('option', { name: option }).click();
}

/** Clicks a button whose handler saves a file, and answers the file's name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

const BAD_CSV = ['property,property_kind,unit,unit_kind', 'Birch Estate,residential,,', 'Birch Estate,,B-1,studio', ''].join('\n');
const GOOD_CSV = ['property,parent_property,property_kind,unit,unit_kind,participation_share', 'Birch Estate,,residential,,,', 'Block B,Birch Estate,residential,B-1,apartment,0.5', 'Block B,Birch Estate,,B-2,apartment,0.5', ''].join('\n');

describe('the estate pages', () => {
  it('lets a manager build a property, attach an owner, let a unit, read the reports and import a CSV file', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${hazel.slug}/properties`);
    await page.getByLabel('Email').fill(hazel.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Properties');
    await expectAccessible(page, 'properties tree (empty)');

    // A property, then a unit on its page.
    await page.getByRole('link', { name: 'New property' }).click();
    await expectPageShape(page, 'New property');
    await expectAccessible(page, 'new property form');
    await page.getByRole('textbox', { name: 'Name' }).fill('Hazel Court');
    await page.getByRole('textbox', { name: 'Address line 1' }).fill('1 Hazel Road');
    await page.getByRole('textbox', { name: 'City' }).fill('Leeds');
    await page.getByRole('textbox', { name: 'Country' }).fill('gb');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Hazel Court');
    expect(new URL(page.url()).pathname).toMatch(/^\/t\/hazel\/properties\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('1 Hazel Road, Leeds, GB').count()).toBe(1);
    await expectAccessible(page, 'property page');

    await page.getByRole('button', { name: 'New unit' }).click();
    await page.getByRole('textbox', { name: 'Label' }).fill('H-1');
    await page.getByRole('textbox', { name: 'Participation share' }).fill('1');
    await expectAccessible(page, 'new unit form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'H-1, Hazel Court');
    await expectAccessible(page, 'unit page');

    // An owner, found by name in the member picker.
    await pick(page, 'Member', 'Olive', /Olive Owner/);
    await page.getByRole('button', { name: 'Save' }).click();
    const occupants = page.getByRole('table', { name: 'Occupants' });
    await expect.poll(() => occupants.getByRole('link', { name: 'Olive Owner' }).count()).toBe(1);
    await expect.poll(() => page.getByText("Owners' shares today: 1 (1 owner)").count()).toBe(1);
    await expectAccessible(page, 'unit page with its owner');
    // Ending an occupancy asks for its last day and keeps the row as history.
    await occupants.getByRole('button', { name: 'End' }).click();
    const end = page.getByRole('alertdialog', { name: 'End the occupancy of Olive Owner?' });
    await expectAccessible(page, 'end occupancy dialog');
    await end.getByRole('button', { name: 'End' }).click();
    await expect.poll(() => end.count()).toBe(0);
    await expect.poll(() => occupants.getByText('Open-ended').count()).toBe(0);
    expect(await occupants.getByRole('link', { name: 'Olive Owner' }).count()).toBe(1);

    // The tree opens with the keyboard onto the property's units.
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Properties' }).click();
    await expectPageShape(page, 'Properties');
    const toggle = page.getByRole('button', { name: 'Contents of Hazel Court' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('link', { name: 'H-1' }).count()).toBe(1);
    await expectAccessible(page, 'properties tree (open)');
    await page.getByRole('link', { name: 'H-1' }).click();
    await expectPageShape(page, 'H-1, Hazel Court');

    // A lease of the unit: drafted, then activated.
    await page.getByRole('link', { name: 'New lease' }).click();
    await expectPageShape(page, 'New lease');
    await expectAccessible(page, 'new lease form');
    await pick(page, 'Add a renter', 'Rhea', /Rhea Renter/);
    await expect.poll(() => page.getByRole('button', { name: 'Remove Rhea Renter' }).count()).toBe(1);
    await typeDay(page, 'Start date', '01012025');
    await typeDay(page, 'End date', '12122030');
    await page.getByRole('textbox', { name: 'Rent amount' }).fill('1,200.50');
    await page.getByRole('textbox', { name: 'Deposit' }).fill('2400');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectPageShape(page, 'Lease of H-1');
    await expect.poll(() => page.getByText('€1,200.50 monthly').count()).toBe(1);
    expect(await page.getByText('€2,400.00').count()).toBe(1);
    await expectAccessible(page, 'draft lease page');
    await page.getByRole('button', { name: 'Activate' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Activate this lease?' });
    await expectAccessible(page, 'activation dialog');
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText('Active', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Activate' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Renew' }).count()).toBe(1);
    await expectAccessible(page, 'active lease page');

    // Renewing drafts a successor and opens it; terminating that draft cancels it.
    const active = page.url();
    await page.getByRole('button', { name: 'Renew' }).click();
    await page.getByRole('alertdialog', { name: 'Renew this lease?' }).getByRole('button', { name: 'Renew' }).click();
    await expect.poll(() => page.url()).not.toBe(active);
    await expect.poll(() => page.getByText('Draft', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Renew' }).count()).toBe(0);
    await expectAccessible(page, 'successor draft');
    await page.getByRole('button', { name: 'Terminate' }).click();
    await page.getByRole('alertdialog', { name: 'Cancel this draft?' }).getByRole('button', { name: 'Terminate' }).click();
    await expect.poll(() => page.getByText('Terminated', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Terminate' }).count()).toBe(0);
    // The first lease is renewed once: no second renewal is offered.
    await page.getByRole('link', { name: 'Open' }).click();
    await expect.poll(() => page.url()).toBe(active);
    await expect.poll(() => page.getByText('Active', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Renew' }).count()).toBe(0);

    // The leases list, filtered by status and searched, both in the URL.
    await page.goto(`/t/${hazel.slug}/leases?status=active&q=h-1`);
    await expectPageShape(page, 'Leases');
    await expect.poll(() => page.getByRole('link', { name: 'H-1' }).count()).toBe(1);
    await expectAccessible(page, 'leases list');
    await page.goto(`/t/${hazel.slug}/leases?status=draft`);
    await expect.poll(() => page.getByText('Nothing here yet.').count()).toBe(1);

    // The rent roll: the lease, and its totals in euros; and as CSV.
    await page.getByRole('link', { name: 'Rent roll' }).click();
    await expectPageShape(page, 'Rent roll');
    const totals = page.getByRole('table', { name: 'Totals' });
    await expect.poll(() => totals.getByRole('row', { name: /EUR/ }).textContent()).toContain('€1,200.50');
    await expectAccessible(page, 'rent roll');
    await screenshot(page, 'rent-roll');
    const roll = await download(page, 'Download CSV');
    expect(roll.name).toMatch(/^rent-roll-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(roll.text).toContain('H-1');
    // Before the lease began, nothing was let.
    await typeDay(page, 'As of', '01012024');
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe('2024-01-01');
    await expect.poll(() => totals.getByText('No unit is let on this date.').count()).toBe(1);

    // The vacancy report: the let unit is occupied.
    await page.goto(`/t/${hazel.slug}/properties/vacancy`);
    await expectPageShape(page, 'Vacancy report');
    await expect.poll(() => page.getByRole('row', { name: /Hazel Court/ }).textContent()).toContain('0%');
    await expectAccessible(page, 'vacancy report');
    const vacancy = await download(page, 'Download CSV');
    expect(vacancy.name).toMatch(/^vacancy-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(vacancy.text).toContain('Hazel Court');

    // A CSV import: a dry run that finds a bad row, then a good file checked and imported.
    await page.goto(`/t/${hazel.slug}/properties/import`);
    await expectPageShape(page, 'Import properties');
    await expectAccessible(page, 'import page');
    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const errors = page.getByRole('table', { name: '1 problem' });
    await expect.poll(() => errors.getByRole('row').nth(1).textContent()).toMatch(/^3unit_kind"studio" is not one of/);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectAccessible(page, 'import dry run with a problem');

    await page.getByLabel('CSV file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByText('Create 2 properties and 2 units').count()).toBe(1);
    await expectAccessible(page, 'import dry run without problems');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect.poll(() => page.getByText('Created 2 properties and 2 units').count()).toBe(1);
    await expectAccessible(page, 'import done');

    // What it made is in the tree, and the search finds the block.
    await page.getByRole('link', { name: 'See the properties' }).click();
    await expectPageShape(page, 'Properties');
    await page.getByRole('searchbox', { name: 'Search' }).fill('block');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('block');
    await page.getByRole('button', { name: 'Contents of Block B' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'B-2' }).count()).toBe(1);

    // Archiving a property asks first, and restoring brings it back.
    await page.getByRole('link', { name: 'Block B' }).click();
    await expectPageShape(page, 'Block B');
    await expect.poll(() => page.getByRole('table', { name: 'Units' }).getByRole('link').allTextContents()).toEqual(['B-1', 'B-2']);
    await page.getByRole('button', { name: 'Archive' }).click();
    await expectAccessible(page, 'archive dialog');
    await page.getByRole('alertdialog', { name: 'Archive Block B?' }).getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByText('Archived', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('alertdialog', { name: 'Restore Block B?' }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByText('In use', { exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
