import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtyardClient } from '../../sdk/src/index.js';
import { arrive, choose, connect, createTenant, expectAccessible, expectPageShape, must, openPage, screenshot, TENANT_PASSWORD } from './browser.js';
import { managerApi } from './finance-setup.js';
import { englishOf, expectNoEnglish } from './no-english.js';

/**
 * Custom objects, issue 18's pages: a manager of tenant acacia (the standard plan licenses
 * `objects`) defines "Parking permit" on Settings → Data model (a unit, a unique plate, valid
 * from and to, a fee in euros, a status), adds two permits through the generated form, is
 * refused a duplicate plate on its field, sorts by "Valid to" with the column header (in the
 * URL, kept on reload), filters by status, and moves a card on the board with the keyboard and
 * by dragging; then the data model against stored records (a unique rule refused over
 * duplicates with the server's detail, a field removed and restored, one purged); axe on every
 * page, and the pages in Spanish.
 */

let browser: Browser;
let tenant: { slug: string; email: string };
let api: CourtyardClient;

beforeAll(async () => {
  browser = await connect();
  tenant = await createTenant('acacia');
  api = await managerApi(tenant);
  const block = await must(api.POST('/api/v1/properties', { body: { name: 'Acacia Court', kind: 'residential' } }));
  for (const label of ['Bay 1', 'Bay 2']) await must(api.POST('/api/v1/properties/{id}/units', { params: { path: { id: block.id } }, body: { label, kind: 'parking' } }));
});
afterAll(() => browser?.close());

/** A react-aria date field: its first segment, then the digits (day and month the same, so the locale's order does not matter). */
async function typeDay(page: Page, label: string, digits: string) {
  await page.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(digits);
}

/** Ticks a react-aria checkbox the way a person does: its label. */
async function tick(page: Page, name: string) {
  await page.locator('label').filter({ has: page.getByRole('checkbox', { name, exact: true }) }).click();
  expect(await page.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
}

async function addField(page: Page, label: string, type: string, settings: (page: Page) => Promise<void> = async () => undefined) {
  await page.getByRole('link', { name: 'Add field' }).click();
  await arrive(page, 'Add a field to Parking permit', 'add field form');
  await page.getByRole('textbox', { name: 'Label' }).fill(label);
  await choose(page, 'Type', type);
  await settings(page);
  await page.getByRole('button', { name: 'Add field' }).click();
  await arrive(page, 'Parking permits', 'definition page');
  await expect.poll(() => page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: label }).count()).toBe(1);
}

async function newPermit(page: Page, p: { unit: string; plate: string; from: string; to: string; fee: string; status: string }) {
  await page.getByRole('link', { name: 'New Parking permit' }).click();
  await arrive(page, 'New Parking permit', 'new record form');
  await page.getByRole('combobox', { name: 'Unit' }).fill(p.unit);
  await page.getByRole('option', { name: p.unit }).click();
  await page.getByRole('textbox', { name: 'Plate' }).fill(p.plate);
  await typeDay(page, 'Valid from', p.from);
  await typeDay(page, 'Valid to', p.to);
  await page.getByRole('textbox', { name: 'Fee (EUR)' }).fill(p.fee);
  await choose(page, 'Status', p.status);
  await page.getByRole('button', { name: 'Save' }).click();
}

const plates = (page: Page) => page.getByRole('region', { name: 'Parking permits' }).getByRole('link', { name: /^[A-Z]{2}-\d{3}$/ }).allTextContents();
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('custom objects in the workspace', () => {
  it('defines Parking permit on the data model pages, adds permits through the generated form, sorts, filters and moves cards on the board', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${tenant.slug}/`);
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Welcome to Acacia Estate');

    // Settings → Data model: no objects yet; a new one, its key derived from its name.
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Data model' }).click();
    await arrive(page, 'Data model', 'data model (empty)');
    await page.getByRole('link', { name: 'New object' }).click();
    await arrive(page, 'New object', 'new object form');
    await page.getByRole('textbox', { name: 'Singular name' }).fill('Parking permit');
    await page.getByRole('textbox', { name: 'Plural name' }).fill('Parking permits');
    expect(await page.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('parking_permit');
    await choose(page, 'Icon', 'Car');
    await page.getByRole('button', { name: 'Save' }).click();
    await arrive(page, 'Parking permits', 'definition page (no fields)');
    expect(new URL(page.url()).pathname).toBe(`/t/${tenant.slug}/settings/data-model/parking_permit`);

    // Its fields, each through "Add field" and its type's settings.
    await addField(page, 'Unit', 'Relation', async () => {
      await choose(page, 'Related to', 'Unit');
      await expectAccessible(page, 'add field form (relation)');
    });
    await addField(page, 'Plate', 'Text', async () => {
      await tick(page, 'Required');
      await tick(page, 'Unique');
    });
    await addField(page, 'Valid from', 'Date', () => tick(page, 'Required'));
    await addField(page, 'Valid to', 'Date');
    await addField(page, 'Fee', 'Currency', async () => {
      expect(await page.getByRole('textbox', { name: 'Currency code' }).inputValue()).toBe('EUR');
      await page.getByRole('textbox', { name: 'Minimum amount' }).fill('0');
    });
    await addField(page, 'Status', 'Select', () => page.getByRole('textbox', { name: 'Options' }).fill('Active\nExpired\nRevoked'));
    const fields = page.getByRole('table', { name: 'Fields' });
    expect(await fields.getByRole('row').filter({ hasText: 'plate' }).textContent()).toContain('RequiredUnique');
    expect(await fields.getByRole('row').filter({ hasText: 'Relation to Unit' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Change history' }).getByRole('row').count()).toBe(8);

    // The object is in the navigation, and its records page in the command menu.
    await page.getByRole('button', { name: /Go to/ }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('Parking');
    await page.getByRole('option', { name: 'Parking permits' }).click();
    await arrive(page, 'Parking permits', 'records (empty)');
    expect(new URL(page.url()).pathname).toBe(`/t/${tenant.slug}/objects/parking_permit`);

    // Two permits through the generated form; a duplicate plate is refused on its field.
    await newPermit(page, { unit: 'Bay 1', plate: 'AB-123', from: '01012026', to: '12122026', fee: '25.00', status: 'Active' });
    await arrive(page, 'AB-123', 'a permit');
    await expect.poll(() => page.getByRole('link', { name: 'Bay 1' }).count()).toBe(1);
    expect(await page.getByText('€25.00').count()).toBe(1);
    await page.getByRole('link', { name: 'Back to Parking permits' }).click();
    await arrive(page, 'Parking permits', 'records');
    await newPermit(page, { unit: 'Bay 2', plate: 'CD-456', from: '01012026', to: '06062026', fee: '10', status: 'Expired' });
    await arrive(page, 'CD-456', 'the second permit');
    await page.getByRole('link', { name: 'Back to Parking permits' }).click();
    await newPermit(page, { unit: 'Bay 2', plate: 'ab-123', from: '01012026', to: '06062026', fee: '10', status: 'Active' });
    await expect.poll(() => page.getByText('Plate is already taken by another record').count()).toBe(1);
    await expectPageShape(page, 'New Parking permit');
    await expectAccessible(page, 'the refused permit');
    expect(await page.getByRole('textbox', { name: 'Plate' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Parking permits' }).click();
    await arrive(page, 'Parking permits', 'records');
    await expect.poll(() => plates(page)).toEqual(['AB-123', 'CD-456']);

    // Sorted by "Valid to" from its header: ascending, then descending; in the URL, kept on reload.
    await page.getByRole('button', { name: 'Valid to' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('valid_to');
    await expect.poll(() => plates(page)).toEqual(['CD-456', 'AB-123']);
    await page.getByRole('button', { name: 'Valid to' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-valid_to');
    await expect.poll(() => plates(page)).toEqual(['AB-123', 'CD-456']);
    await page.reload();
    await arrive(page, 'Parking permits', 'records sorted');
    await expect.poll(() => plates(page)).toEqual(['AB-123', 'CD-456']);
    expect(await page.getByRole('columnheader', { name: 'Valid to' }).getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'objects-table');

    // Filtered by status, in the API's own syntax in the URL.
    await page.getByLabel('Filter field').selectOption({ label: 'Status' });
    await page.getByLabel('Value').selectOption({ label: 'Active' });
    await page.getByRole('button', { name: 'Add filter' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('filter[status]')).toBe('active');
    await expect.poll(() => plates(page)).toEqual(['AB-123']);
    await expectAccessible(page, 'records filtered');
    await page.getByRole('button', { name: 'Remove filter: Status is Active' }).click();
    await expect.poll(() => plates(page)).toEqual(['AB-123', 'CD-456']);

    // The board by status: a card moved with the keyboard ("Move to…"), another dragged.
    await page.getByRole('link', { name: 'Board' }).click();
    await expect.poll(() => [new URL(page.url()).searchParams.get('view'), new URL(page.url()).searchParams.get('by')]).toEqual(['board', 'status']);
    await arrive(page, 'Parking permits', 'board');
    expect([await page.getByRole('link', { name: 'Board' }).getAttribute('aria-current'), await page.getByRole('link', { name: 'Table' }).getAttribute('aria-current')]).toEqual(['page', null]);
    await expect.poll(() => column(page, 'Active').getByRole('link').allTextContents()).toEqual(['AB-123']);
    await page.getByRole('button', { name: 'Move to… (AB-123)' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menuitem').allTextContents()).toEqual(['Expired', 'Revoked', 'No value']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => column(page, 'Revoked').getByRole('link').allTextContents()).toEqual(['AB-123']);
    expect(await column(page, 'Active').getByRole('link').count()).toBe(0);
    const [ab] = (await must(api.GET('/api/v1/objects/{key}/records', { params: { path: { key: 'parking_permit' }, query: { limit: 10, q: 'AB-123' } } }))).data;
    expect(ab).toMatchObject({ plate: 'AB-123', status: 'revoked' });
    await column(page, 'Expired').getByTestId('board-card').dragTo(column(page, 'Active'));
    await expect.poll(() => column(page, 'Active').getByRole('link').allTextContents()).toEqual(['CD-456']);
    await expectAccessible(page, 'board after moves');
    await screenshot(page, 'objects-board');

    // The data model against stored records: "Valid from" cannot become unique (both permits
    // start on 1 January), said on the form with the server's detail; a field removed keeps its
    // data and comes back; one purged asks for its key to be typed.
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Data model' }).click();
    await arrive(page, 'Data model', 'data model');
    await page.getByRole('main').getByRole('link', { name: 'Parking permits', exact: true }).click();
    await arrive(page, 'Parking permits', 'definition page');
    await page.getByRole('link', { name: 'Edit Valid from' }).click();
    await arrive(page, 'Edit the field Valid from', 'edit field form');
    await tick(page, 'Unique');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('Unique is broken by records that share values');
    expect((await page.getByRole('alert').allTextContents()).join(' ')).toContain('Records share values of "valid_from", which cannot become unique');
    await expectAccessible(page, 'edit field refused');
    await page.getByRole('link', { name: 'Parking permits' }).last().click();
    await arrive(page, 'Parking permits', 'definition page');
    const feeRow = page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'fee' });
    await feeRow.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('Its data is kept until you purge it');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Removed fields' }).getByText('Fee', { exact: true }).count()).toBe(1);
    await page.getByRole('region', { name: 'Removed fields' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => feeRow.count()).toBe(1);
    await addField(page, 'Notes', 'Long text (Markdown)');
    await page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'notes' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('region', { name: 'Removed fields' }).getByRole('button', { name: 'Purge' }).click();
    const purge = page.getByRole('alertdialog');
    expect(await purge.getByRole('button', { name: 'Purge' }).isDisabled()).toBe(true);
    await purge.getByRole('textbox', { name: 'Type notes to confirm' }).fill('notes');
    await purge.getByRole('button', { name: 'Purge' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Removed fields' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('table', { name: 'Change history' }).getByRole('row').filter({ hasText: 'Field purged' }).count()).toBe(1);

    // A formula, checked by the server as it is typed (the error at its place, then the result's
    // type), and a cross-field rule with its message.
    await addField(page, 'Days left', 'Formula', async () => {
      await page.getByRole('textbox', { name: 'Expression' }).fill('days_between(today(), valid_to');
      await expect.poll(() => page.getByTestId('expression-check').textContent()).toContain('Line 1, column');
      await expectAccessible(page, 'add field form (a formula with an error)');
      await page.getByRole('textbox', { name: 'Expression' }).fill('days_between(today(), valid_to)');
      await expect.poll(() => page.getByTestId('expression-check').textContent()).toContain('Result: a number');
      await screenshot(page, 'objects-formula');
    });
    const rules = page.getByRole('region', { name: 'Rules' });
    await rules.getByRole('textbox', { name: 'Rule' }).fill('valid_to > valid_from');
    await expect.poll(() => rules.getByTestId('expression-check').textContent()).toContain('Result: true or false');
    await rules.getByRole('textbox', { name: 'Message' }).fill('Valid to must be after valid from');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => rules.getByRole('listitem').filter({ hasText: 'Valid to must be after valid from' }).count()).toBe(1);
    await expectAccessible(page, 'definition page with a rule');
    // The existing permits get their days left in the background.
    const daysLeft = async () => (await must(api.GET('/api/v1/objects/{key}/records', { params: { path: { key: 'parking_permit' }, query: { limit: 10 } } }))).data.map((r) => r.days_left);
    await expect.poll(async () => (await daysLeft()).every((d) => typeof d === 'number'), { timeout: 30_000 }).toBe(true);

    await page.getByRole('link', { name: 'View records' }).click();
    await arrive(page, 'Parking permits', 'records after the data model changes');
    await expect.poll(() => page.getByRole('columnheader').allTextContents()).toEqual(['Unit', 'Plate', 'Valid from', 'Valid to', 'Fee', 'Status', 'Days left']);
    await page.getByRole('button', { name: 'Days left' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('days_left');
    await expect.poll(() => plates(page)).toEqual(['CD-456', 'AB-123']);
    // The rule refuses a permit that ends before it starts, with its message on its field.
    await newPermit(page, { unit: 'Bay 1', plate: 'EF-789', from: '05052026', to: '01012026', fee: '5', status: 'Active' });
    await expect.poll(() => page.getByText('Valid to must be after valid from').count()).toBe(1);
    await expectAccessible(page, 'a permit refused by the rule');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Parking permits' }).click();
    await arrive(page, 'Parking permits', 'records');
    await page.goto(`/t/${tenant.slug}/objects/parking_permit?view=board&by=status`);
    await arrive(page, 'Parking permits', 'board');

    // The pages in Spanish (the tenant's own labels, "Status", "Unit", "Active", are data, not messages).
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('option', { name: 'Español' }).click();
    await expectPageShape(page, 'Parking permits');
    const data = new Set(['Unit', 'Plate', 'Status', 'Active', 'Expired', 'Revoked', 'Fee', 'Valid from', 'Valid to', 'Days left', 'valid_to > valid_from', 'Valid to must be after valid from']);
    const es = englishOf('es');
    const english = { ...es, texts: new Set([...es.texts].filter((text) => !data.has(text))) };
    await expectNoEnglish(page, 'the board', english);
    await page.getByRole('link', { name: 'Tabla' }).click();
    await expect.poll(() => plates(page)).toEqual(['AB-123', 'CD-456']);
    await expectNoEnglish(page, 'the records table', english);
    await page.getByRole('navigation', { name: 'Módulos' }).getByRole('link', { name: 'Modelo de datos' }).click();
    await expectPageShape(page, 'Modelo de datos');
    await expectNoEnglish(page, 'the data model', english);
    await page.getByRole('main').getByRole('link', { name: 'Parking permits', exact: true }).click();
    await expectPageShape(page, 'Parking permits');
    await expectNoEnglish(page, 'the definition', english);
    await page.getByRole('link', { name: 'Añadir campo' }).click();
    await expectPageShape(page, 'Añadir un campo a Parking permit');
    await expectNoEnglish(page, 'add field', english);

    expect(problems).toEqual([]);
    // A long journey: six fields, three records and every page's axe scan.
  }, 240_000);

  it('imports key fobs from a CSV file chosen on the page: the dry run\'s problems by row first, then the import; exports the filtered list', async () => {
    await must(api.POST('/api/v1/objects/definitions', { body: { key: 'key_fob', singular: 'Key fob', plural: 'Key fobs', fields: [
      { key: 'code', label: 'Code', type: 'text', rules: { required: true, unique: true } },
      { key: 'kind', label: 'Kind', type: 'select', config: { options: [{ key: 'door', label: 'Door' }, { key: 'garage', label: 'Garage' }] } },
      { key: 'active', label: 'Active', type: 'boolean' },
    ] } }));
    const { page, problems } = await openPage(browser);
    await page.goto(`/t/${tenant.slug}/`);
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The journey above left this user's pages in Spanish (a preference the server keeps).
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^(Welcome to|Bienvenido a) Acacia Estate$/);
    await page.goto(`/t/${tenant.slug}/objects/key_fob`);
    await arrive(page, 'Key fobs', 'key fobs');
    // Back to English.
    if ((await page.getByRole('button', { name: /Idioma/ }).count()) > 0) {
      await page.getByRole('button', { name: /Idioma/ }).click();
      await page.getByRole('option', { name: 'English' }).click();
    }
    await page.getByRole('link', { name: 'Import' }).click();
    await arrive(page, 'Import Key fobs', 'import page');

    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Code,Kind,Active\nF-1,Door,yes\nF-1,Window,maybe\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const report = page.getByRole('table', { name: /problems/ });
    await expect.poll(() => report.getByRole('row').count(), { timeout: 20_000 }).toBe(3);
    expect(await report.getByRole('row').filter({ hasText: 'kind' }).textContent()).toContain('3');
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    await expectAccessible(page, 'import report with problems');
    await screenshot(page, 'objects-import');

    await page.getByLabel('CSV file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('Code,Kind,Active\nF-1,Door,yes\nF-2,garage,no\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 20_000 }).toContain('Created 2 records.');
    await expectAccessible(page, 'import done');
    await page.getByRole('link', { name: 'Back to Key fobs' }).first().click();
    await arrive(page, 'Key fobs', 'key fobs imported');
    await expect.poll(() => page.getByRole('region', { name: 'Key fobs' }).getByRole('link', { name: /^F-\d$/ }).allTextContents()).toEqual(['F-1', 'F-2']);

    // Export CSV keeps the page's search.
    await page.goto(`/t/${tenant.slug}/objects/key_fob?q=F-2`);
    await arrive(page, 'Key fobs', 'key fobs searched');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.startsWith('\uFEFFid,createdAt,updatedAt,version,code,kind,active')).toBe(true);
    expect(csv).toContain('F-2,garage,false');
    expect(csv).not.toContain('F-1');

    // The import page in Spanish.
    await page.getByRole('link', { name: 'Import' }).click();
    await arrive(page, 'Import Key fobs', 'import page');
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('option', { name: 'Español' }).click();
    await expectPageShape(page, 'Importar Key fobs');
    await expectNoEnglish(page, 'the import page');
    expect(problems).toEqual([]);
  }, 120_000);
});
