import { inflateSync } from 'node:zlib';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourtyardClient, type CourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, connect, createTenant, expectAccessible, expectPageShape, must, openPage, server } from './browser.js';
import { managerApi } from './finance-setup.js';
import { expectNoEnglish } from './no-english.js';
import { mailTo } from './mailbox.js';
import { enableCards, standInCheckout, stripePaid } from './card-payments.js';

/**
 * The member portal's journeys for a Spanish-speaking member, on a phone: a community whose
 * default language is Spanish invites her; the e-mail, the accept page, home, money with its
 * running balance, the statement PDF, a card payment and its return page are all in Spanish,
 * with money and dates written the Spanish way, and no page shows an English message.
 */

const PHONE = { width: 390, height: 844 };
const SPANISH = { locale: 'es-ES' };
let browser: Browser;
let almez: { slug: string; email: string };
let manager: CourtyardClient;
const today = new Date().toISOString().slice(0, 10);
const year = today.slice(0, 4);
const email = 'rocio@almez.test';
const password = 'los almendros florecen en enero';
let memberId: string;

/** The text a PDF shows: its content streams inflated, the hex strings pdfkit writes decoded (WinAnsi: € is 0x80). */
async function pdfText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content = '';
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) texts.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
  }
  return texts.join('').replaceAll('\x80', '€');
}

beforeAll(async () => {
  browser = await connect();
  almez = await createTenant('almez');
  manager = await managerApi(almez);
  await must(manager.PATCH('/api/v1/settings/regional', { body: { timeZone: 'Europe/Madrid', defaultLocale: 'es' } }));
  const member = await must(manager.POST('/api/v1/members', { body: { firstName: 'Rocío', lastName: 'Almendro', type: 'owner', email } }));
  memberId = member.id;
  const block = await must(manager.POST('/api/v1/properties', { body: { name: 'Casa del Almez', kind: 'residential' } }));
  const unit = await must(manager.POST('/api/v1/properties/{id}/units', { params: { path: { id: block.id } }, body: { label: 'A-3', kind: 'apartment' } }));
  await must(manager.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unit.id } }, body: { memberId, role: 'owner', startDate: `${year}-01-01`, ownershipShare: '1' } }));
  await must(manager.POST('/api/v1/finance/charges', { body: { memberId, unitId: unit.id, kind: 'levy', description: 'Cuota de comunidad', amount: 123_450, currency: 'EUR', dueDate: today } }));
  await must(manager.POST('/api/v1/finance/statements', { body: { memberId, from: `${year}-01-01`, to: today } }));
  await enableCards(almez);
});
afterAll(() => browser?.close());

describe('the member portal in Spanish', () => {
  it('takes a Spanish-speaking member from the e-mail through home, money, her statement and a card payment, with no English on any page', async () => {
    await must(manager.POST('/api/v1/users', { body: { email, name: 'Rocío Almendro', roles: ['member'], memberId } }));
    const mail = await mailTo(email);
    expect(mail.subject).toBe('Le invitan a Almez Estate');
    // The expiry is written the Spanish way, in the community's zone: "… caduca el 9 de diciembre de 2026 a las 14:05 Europe/Madrid".
    expect(mail.text).toMatch(/caduca el \d{1,2} de [a-z]+ de \d{4}.* Europe\/Madrid/);
    const link = new URL(/(https?:\/\/\S+\/accept-invitation#token=[A-Za-z0-9_%-]+)/.exec(mail.text ?? '')![1]!);

    const { context, page, problems } = await openPage(browser, PHONE, SPANISH);
    const checkout = await standInCheckout(context, '<!doctype html><html lang="es"><title>Checkout</title><main><h1>Stripe Checkout (sustituto)</h1></main></html>');
    await page.goto(`/t/${almez.slug}${link.pathname}${link.hash}`);
    await expectPageShape(page, 'Acepte su invitación');
    await expectNoEnglish(page, 'accept invitation');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Elija una contraseña').fill('password1234');
    await page.getByRole('button', { name: 'Establecer mi contraseña' }).click();
    await expect.poll(() => page.getByText('Es una de las contraseñas más comunes: elija otra').count()).toBe(1);
    await expectNoEnglish(page, 'accept invitation, refused');
    await page.getByLabel('Elija una contraseña').fill(password);
    await page.getByRole('button', { name: 'Establecer mi contraseña' }).click();

    await expectPageShape(page, 'Le damos la bienvenida, Rocío Almendro');
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('Usted debe 1234,50\u00a0€');
    expect(await page.getByTestId('homes').textContent()).toContain('A-3');
    expect(await page.getByTestId('due-next').textContent()).toMatch(/Cuota de comunidad: 1234,50\u00a0€, vence el \d+ \S+ \d{4}/);
    await expectNoEnglish(page, 'portal home');
    await expectAccessible(page, 'portal home in Spanish');

    await page.getByRole('link', { name: 'Dinero' }).click();
    await expectPageShape(page, 'Mi dinero');
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('Cuota de comunidad');
    expect(await page.getByTestId('activity').textContent()).toContain('Saldo 1234,50\u00a0€');
    await expect.poll(() => page.getByTestId('statements').getByRole('button').count()).toBe(1);
    await expectNoEnglish(page, 'portal money');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statements').getByRole('button').click()]);
    const text = await pdfText(pdf);
    expect(text).toContain('Cuota de comunidad');
    expect(text).toContain('1234,50');
    for (const english of ['Statement', 'Opening balance', 'Closing balance', 'Description', 'Charges']) expect(text).not.toContain(english);

    await page.getByTestId('statements').getByRole('link').click();
    await expect.poll(() => page.getByText('Saldo final (EUR)').count()).toBe(1);
    await expectNoEnglish(page, 'portal statement');

    await page.goto(`/t/${almez.slug}/portal/money`);
    await expectPageShape(page, 'Mi dinero');
    await page.getByRole('button', { name: 'Pagar 1234,50\u00a0€ con tarjeta' }).click();
    // The checkout is made at the stand-in first: on a busy machine that takes more than a poll's second.
    await expect.poll(() => checkout.sessionId(), { timeout: 15_000 }).toBeTruthy();
    await expectPageShape(page, 'Stripe Checkout (sustituto)');
    const providerSessionId = checkout.sessionId()!;

    await page.goto(`/t/${almez.slug}/portal/payment`);
    await expectPageShape(page, 'Pago con tarjeta');
    await expect.poll(() => page.getByTestId('payment-status').textContent()).toContain('está confirmando su pago de 1234,50\u00a0€');
    await expectNoEnglish(page, 'portal payment, pending');
    expect((await stripePaid(almez, providerSessionId, { email, name: 'Rocío Almendro' })).status).toBe(200);
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 10_000 }).toContain('Pago de 1234,50\u00a0€ recibido');
    await expectNoEnglish(page, 'portal payment, received');
    await expectAccessible(page, 'portal payment in Spanish');
    await page.getByRole('link', { name: 'Todo mi dinero' }).click();
    await expect.poll(() => page.getByTestId('balance').first().textContent()).toBe('Todo pagado: 0,00\u00a0€');
    await expectNoEnglish(page, 'portal money, paid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });

  it('greets a signed-out Spanish browser in Spanish on the sign-in and forgot-password pages', async () => {
    const { page, problems } = await openPage(browser, PHONE, SPANISH);
    await page.goto(`/t/${almez.slug}/portal/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectNoEnglish(page, 'portal sign-in');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('not her password at all');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expectNoEnglish(page, 'portal sign-in, refused');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await expectNoEnglish(page, 'portal forgot password');
    expect(problems).toEqual([]);
  });

  it("shows the portal in the member's saved language on a browser that asks for English", async () => {
    const rocio = createCourtyardClient({ baseUrl: server().url, tenant: almez.slug });
    const token = accessTokenOf(await must(rocio.POST('/api/v1/auth/login', { body: { email, password } })));
    const signedIn = createCourtyardClient({ baseUrl: server().url, tenant: almez.slug, accessToken: () => token });
    await must(signedIn.PATCH('/api/v1/me', { body: { locale: 'es' } }));

    const { page, problems } = await openPage(browser, PHONE);
    await page.goto(`/t/${almez.slug}/portal/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPageShape(page, 'Le damos la bienvenida, Rocío Almendro');
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe('Todo pagado: 0,00\u00a0€');
    await expectNoEnglish(page, 'portal home, saved language');
    expect(problems).toEqual([]);
  });
});
