import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createMember, createTenant, expectAccessible, expectPageShape, openPage, server, TENANT_PASSWORD } from './browser.js';
import { englishTexts, expectNoEnglish } from './no-english.js';

/**
 * Switching the workspace to Español: the main pages show no string of the English catalogue
 * (one that Spanish writes differently), and the choice is the user's, on any browser.
 */

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
    expect(englishTexts('es').size).toBeGreaterThan(500);
    const { page, problems } = await openPage(browser);
    await signIn(page, 'Welcome to Olmo Estate');

    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('option', { name: 'Español' }).click();
    await expectPageShape(page, 'Bienvenido a Olmo Estate');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const nav = page.getByRole('navigation', { name: 'Módulos' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Miembros', 'Propiedades', 'Arrendamientos', 'Finanzas', 'Documentos', 'Anuncios', 'Usuarios', 'Roles', 'Registro de auditoría', 'Webhooks', 'Correo', 'Configuración', 'Modelo de datos', 'Facturación', 'Claves de API', 'Inicio de sesión único']);
    await expectNoEnglish(page, 'the dashboard');

    for (const [link, heading] of [['Miembros', 'Miembros'], ['Propiedades', 'Propiedades'], ['Finanzas', 'Finanzas'], ['Usuarios', 'Usuarios'], ['Roles', 'Roles']] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expectPageShape(page, heading);
      await expectNoEnglish(page, heading);
      await expectAccessible(page, `${heading} in Spanish`);
    }

    await page.goto(`/t/${olmo.slug}/members/${memberId}`);
    await expectPageShape(page, 'Lucía Fresno');
    await expect.poll(() => page.getByRole('heading', { name: 'Saldo' }).count()).toBe(1);
    await expectNoEnglish(page, 'a member');

    await page.goto(`/t/${olmo.slug}/account`);
    await expectPageShape(page, 'Mi cuenta');
    await expectNoEnglish(page, 'my account');
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

describe('the console in Spanish', () => {
  it("signs in from a Spanish browser, refused and then let in, with no English message on its pages", async () => {
    const { page, problems } = await openPage(browser, undefined, { locale: 'es-ES' });
    await page.goto('/console/');
    await expectPageShape(page, 'Inicie sesión en la consola de Courtyard');
    await expectNoEnglish(page, 'the console sign-in');
    await page.getByLabel('Correo electrónico').fill('nobody@example.test');
    await page.getByLabel('Contraseña').fill('not the password at all');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    await expectNoEnglish(page, 'the refused console sign-in');
    await expectAccessible(page, 'console sign-in in Spanish');

    await page.getByLabel('Correo electrónico').fill(server().adminEmail);
    await page.getByLabel('Contraseña').fill(server().adminPassword);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expectPageShape(page, 'Organizaciones');
    const nav = page.getByRole('navigation', { name: 'Módulos' });
    for (const [link, heading] of [['Planes', 'Planes'], ['Tareas', 'Tareas'], ['Registro de auditoría', 'Registro de auditoría'], ['Webhooks', 'Webhooks'], ['Organizaciones', 'Organizaciones']] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expectPageShape(page, heading);
      await expectNoEnglish(page, `the console's ${heading}`);
    }
    expect(problems).toEqual([]);
  });
});
