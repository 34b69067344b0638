import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../../kernel/mail/queue.js';
import { defaultsFor, KINDS, renderMail, viewOf } from '../mail.templates.js';
import * as es from './es.js';

type Token = [string, string, number, number, Token[]?];
/** The tags a template uses (`name`, `#section`, `^inverted`), sorted: what it shows and when. */
function tagsOf(template: string): string[] {
  const tags = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t[0] !== 'text') tags.add(`${t[0] === 'name' ? '' : t[0]}${t[1]}`);
      if (Array.isArray(t[4])) walk(t[4]);
    }
  };
  walk(new Mustache.Writer().parse(template) as Token[]);
  return [...tags].sort();
}

describe('the Spanish default templates', () => {
  it('cover every kind and use the same variables and sections as the English ones, part by part', () => {
    expect(Object.keys(es.defaults).sort()).toEqual([...MAIL_KINDS].sort());
    for (const kind of MAIL_KINDS) {
      for (const part of ['subject', 'text', 'html'] as const) {
        expect(tagsOf(es.defaults[kind][part]), `${kind} ${part}`).toEqual(tagsOf(KINDS[kind].defaults[part]));
        if (part !== 'subject') expect(es.defaults[kind][part], `${kind} ${part}`).not.toBe(KINDS[kind].defaults[part]);
      }
    }
  });

  it('render an invitation in Spanish, with the date written in Spanish and the page marked as Spanish', () => {
    const tenant = { name: 'Olmo', branding: {}, url: 'https://olmo.example.test' };
    const view = viewOf({ kind: 'invitation', tenant, recipient: { email: 'r@example.test', name: 'Rocío' }, data: { expiresAt: '2030-01-02T03:04:00Z', inviterName: 'Ana' }, secrets: { token: 'tok' }, locale: 'es' });
    const mail = renderMail(defaultsFor('invitation', 'es'), view);
    expect(mail.subject).toBe('Le invitan a Olmo');
    expect(mail.text).toContain('Hola, Rocío:');
    expect(mail.text).toContain('Ana le ha invitado a unirse a Olmo.');
    expect(mail.text).toContain('caduca el 2 de enero de 2030 a las 03:04 UTC');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('Aceptar la invitación');
    const notice = renderMail(defaultsFor('notification', 'es'), viewOf({ kind: 'notification', tenant, recipient: { email: 'r@example.test', name: 'R' }, data: { title: 'T', body: 'B', actionUrl: 'https://olmo.example.test/x' }, secrets: {}, locale: 'es' }));
    expect(notice.text).toContain('Abrir: https://olmo.example.test/x');
    // English stays as it was.
    expect(renderMail(defaultsFor('invitation', 'en'), viewOf({ kind: 'invitation', tenant, recipient: { email: 'r@example.test', name: 'R' }, data: { expiresAt: '2030-01-02T03:04:00Z', inviterName: null }, secrets: {} })).html).toContain('<html lang="en">');
  });
});
