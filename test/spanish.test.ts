import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantScope } from '../src/kernel/context.js';
import { postCharge, recordPayment } from '../src/modules/finance/ledger/index.js';
import { estate, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { relayMail, startSmtp, type TestSmtp } from './mail-helpers.js';

/**
 * A Spanish-speaking user (their saved `locale`, or their client's Accept-Language) gets their
 * invitation, their password reset, their statement PDF and the problem details of their
 * requests in Spanish; `code` and `title` stay as they are, and everyone else stays in English.
 */

let smtp: TestSmtp;
let t: TestPlatform;
let olmo: Estate;

const received = (to: string) => smtp.received.filter((r) => r.envelope.to.includes(to));
const SPANISH = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' };

/** The text a PDF shows: its content streams inflated, the hex strings pdfkit writes decoded (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const texts: string[] = [];
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
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
  smtp = await startSmtp();
  t = await startPlatform({ config: { smtpUrl: smtp.url, mailFrom: 'mailer@courtyard.test' } });
  olmo = await estate(t, { slug: 'olmo' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('mail in the recipient’s language', () => {
  it('sends a Spanish invitation to a user created with locale es, and an English one otherwise', async () => {
    const es = await olmo.api('POST', '/users', { email: 'rocio@olmo.test', name: 'Rocío', roles: ['staff'], locale: 'es' });
    expect(es.statusCode, es.body).toBe(201);
    expect(es.json().locale).toBe('es');
    const en = await olmo.api('POST', '/users', { email: 'ruth@olmo.test', name: 'Ruth', roles: ['staff'] });
    expect(en.statusCode, en.body).toBe(201);
    await relayMail(t.platform, olmo.id);

    const [spanish] = received('rocio@olmo.test');
    expect(spanish!.parsed.subject).toMatch(/^Le invitan a /);
    expect(spanish!.parsed.text).toContain('Hola, Rocío:');
    expect(spanish!.parsed.text).toContain('Elija su contraseña para aceptar la invitación:');
    expect(spanish!.parsed.text).toMatch(/caduca el \d{1,2} de [a-z]+ de \d{4} a las \d\d:\d\d UTC/);
    expect(String(spanish!.parsed.html)).toContain('<html lang="es">');
    const [english] = received('ruth@olmo.test');
    expect(english!.parsed.subject).toMatch(/^You are invited to /);
  });

  it('sends the invitation in the inviter’s language when the invitee has none', async () => {
    const res = await olmo.api('POST', '/users', { email: 'raul@olmo.test', name: 'Raúl', roles: ['staff'] }, { headers: SPANISH });
    expect(res.statusCode, res.body).toBe(201);
    await relayMail(t.platform, olmo.id);
    expect(received('raul@olmo.test')[0]!.parsed.subject).toMatch(/^Le invitan a /);
  });

  it('sends a Spanish password reset to a user whose locale is es, whatever the request asks', async () => {
    await olmo.newUser('sofia@olmo.test', ['staff'], { locale: 'es-MX' });
    const res = await t.call('POST', '/api/v1/auth/password-reset', { tenant: 'olmo', body: { email: 'sofia@olmo.test' }, headers: { 'accept-language': 'en' } });
    expect(res.statusCode, res.body).toBe(202);
    await relayMail(t.platform, olmo.id);
    const [mail] = received('sofia@olmo.test');
    expect(mail!.parsed.subject).toMatch(/^Restablezca su contraseña de /);
    expect(mail!.parsed.text).toContain('Alguien ha pedido restablecer la contraseña');
  });
});

describe('problem details in the user’s language', () => {
  it('follows the locale the user saves, at once, keeping code and title', async () => {
    const user = olmo.as(await olmo.newUser('pilar@olmo.test', ['manager']));
    const missing = '00000000-0000-4000-8000-000000000001';
    const before = await user.api('GET', `/members/${missing}`);
    expect(before.statusCode).toBe(404);
    expect(before.json().detail).toBe('The member was not found');

    const saved = await user.api('PATCH', '/me', { locale: 'es' });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await user.api('GET', `/members/${missing}`);
    expect(after.statusCode).toBe(404);
    expect(after.json()).toMatchObject({ code: 'not_found', title: 'Not found', detail: 'No se encontró el miembro' });

    // Field errors too: ajv's and the module's own.
    const invalid = await user.api('POST', '/members', { firstName: '', type: 'owner' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'validation_failed', title: 'The request is not valid', detail: 'La solicitud tiene campos no válidos' });
    expect(invalid.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'lastName', message: 'es obligatorio' })]));

    // Back to English: the saved locale wins over what the client asks for.
    await user.api('PATCH', '/me', { locale: 'en' });
    const english = await user.api('GET', `/members/${missing}`, undefined, { headers: SPANISH });
    expect(english.json().detail).toBe('The member was not found');
  });

  it('follows Accept-Language when the user saved none, and for requests nobody signed', async () => {
    const missing = '00000000-0000-4000-8000-000000000002';
    expect((await olmo.api('GET', `/members/${missing}`, undefined, { headers: SPANISH })).json().detail).toBe('No se encontró el miembro');
    expect((await olmo.api('GET', `/members/${missing}`)).json().detail).toBe('The member was not found');
    const wrong = await t.call('POST', '/api/v1/auth/login', { tenant: 'olmo', body: { email: 'nobody@olmo.test', password: 'not the password at all' }, headers: SPANISH });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', title: 'The e-mail or password is wrong', detail: 'El correo electrónico o la contraseña no son correctos' });
  });
});

describe('statements in the requester’s language', () => {
  it('writes the PDF in Spanish, with Spanish money and dates, for a Spanish requester', async () => {
    const memberId = await olmo.newMember({ firstName: 'Lucía', lastName: 'Extracto', type: 'owner' });
    await olmo.tx(async (db) => {
      const s = { db, tenant: { id: olmo.id } } as TenantScope;
      await postCharge(s, { memberId, kind: 'levy', description: 'Cuota de enero', amount: 12_345, currency: 'EUR', periodStart: '2026-01-01', dueDate: '2026-01-31' });
      await recordPayment(s, { memberId, method: 'bank_transfer', amount: 20_000, currency: 'EUR', receivedOn: '2026-01-14', reference: 'LUCIA' });
    });
    const spanish = olmo.as(await olmo.newUser('tesorera@olmo.test', ['manager'], { locale: 'es' }));
    const res = await spanish.api('POST', '/finance/statements', { memberId, from: '2026-01-01', to: '2026-01-31' });
    expect(res.statusCode, res.body).toBe(201);
    const pdf = await spanish.api('GET', res.json().downloadUrl.replace(/^\/api\/v1/, ''));
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const shown of ['Estado de cuenta del 01/01/2026 al 31/01/2026', 'Saldo inicial', 'Cargos', 'Abonos', 'Cuota de enero', '14/01/2026', '123,45\u00a0€', '200,00\u00a0€', 'Saldo final (a su favor)']) expect(text).toContain(shown);
    expect(text).not.toContain('Opening balance');

    // Asked for in English, the same statement is written in English.
    const english = await olmo.api('POST', '/finance/statements', { memberId, from: '2026-01-01', to: '2026-01-31' });
    const again = pdfText((await olmo.api('GET', english.json().downloadUrl.replace(/^\/api\/v1/, ''))).rawPayload);
    expect(again).toContain('Statement 2026-01-01 to 2026-01-31');
    expect(again).toContain('€123.45');
  });
});
