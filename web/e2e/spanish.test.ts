import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, TENANT_PASSWORD } from './browser.js';

/**
 * Switching the workspace to Español: the main pages show no string of the English catalogue
 * (one that Spanish writes differently), and the choice is the user's, on any browser.
 */

const src = new URL('../src/', import.meta.url).pathname;
const catalogues = (dir: string, name: string): Record<string, string> =>
  Object.assign(
    {},
    ...readdirSync(dir).map((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? catalogues(path, name) : entry === name ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    }),
  );
const en = catalogues(src, 'en.json');
const es = catalogues(src, 'es.json');
// The English texts a Spanish page must not show: whole messages without values, that Spanish
// writes otherwise. 'Manager' is also the name createTenant gives the first user: data, not a message.
const DATA = new Set(['Manager']);
const english = new Set(Object.entries(en).filter(([id, text]) => !text.includes('{') && es[id] !== text && !DATA.has(text)).map(([, text]) => text));

/** Every text the page shows or names (text nodes, labels, placeholders) that is an English message. */
async function englishOn(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) for (const a of ['aria-label', 'placeholder', 'title']) texts.push(el.getAttribute(a) ?? '');
    return texts.map((t) => t.trim()).filter(Boolean);
  });
  return [...new Set(shown.filter((text) => english.has(text)))];
}

let browser: Browser;
let olmo: { slug: string; email: string };
let memberId: string;
beforeAll(async () => {
  browser = await connect();
  olmo = await createTenant('olmo');
  memberId = await createMember(olmo, 'Lucía', 'Fresno');
});
afterAll(() => browser?.close());

async function signIn(page: Page, heading: string) {
  await page.goto(`/t/${olmo.slug}/`);
  await page.getByLabel('Email').fill(olmo.email);
  await page.getByLabel('Password').fill(TENANT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectPageShape(page, heading);
}

describe('the workspace in Spanish', () => {
  it('shows no English message on the main pages once Español is chosen, and keeps the choice for the user', async () => {
    expect(english.size).toBeGreaterThan(500);
    const { page, problems } = await openPage(browser);
    await signIn(page, 'Welcome to Olmo Estate');

    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('option', { name: 'Español' }).click();
    await expectPageShape(page, 'Bienvenido a Olmo Estate');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const nav = page.getByRole('navigation', { name: 'Módulos' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Miembros', 'Propiedades', 'Arrendamientos', 'Finanzas', 'Usuarios', 'Roles', 'Registro de auditoría', 'Webhooks', 'Correo', 'Configuración', 'Claves de API', 'Inicio de sesión único']);
    expect(await englishOn(page)).toEqual([]);

    for (const [link, heading] of [['Miembros', 'Miembros'], ['Propiedades', 'Propiedades'], ['Finanzas', 'Finanzas'], ['Usuarios', 'Usuarios'], ['Roles', 'Roles']] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expectPageShape(page, heading);
      await expect.poll(() => page.getByText('Cargando…').count()).toBe(0);
      expect(await englishOn(page), heading).toEqual([]);
      await expectAccessible(page, `${heading} in Spanish`);
    }

    await page.goto(`/t/${olmo.slug}/members/${memberId}`);
    await expectPageShape(page, 'Lucía Fresno');
    await expect.poll(() => page.getByRole('heading', { name: 'Saldo' }).count()).toBe(1);
    expect(await englishOn(page)).toEqual([]);

    await page.goto(`/t/${olmo.slug}/account`);
    await expectPageShape(page, 'Mi cuenta');
    expect(await englishOn(page)).toEqual([]);
    expect(problems).toEqual([]);

    // Another browser (English, nothing stored): after sign-in the user's saved language wins.
    const other = await openPage(browser);
    await other.page.goto(`/t/${olmo.slug}/`);
    await expectPageShape(other.page, 'Sign in to your workspace');
    await other.page.getByLabel('Email').fill(olmo.email);
    await other.page.getByLabel('Password').fill(TENANT_PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(other.page, 'Bienvenido a Olmo Estate');

    // Back to English, saved again.
    await other.page.getByRole('button', { name: /Idioma/ }).click();
    await other.page.getByRole('option', { name: 'English' }).click();
    await expectPageShape(other.page, 'Welcome to Olmo Estate');
    expect(other.problems).toEqual([]);
  });
});
