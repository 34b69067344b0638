import { describe, expect, it } from 'vitest';
import { renderSample, sampleData } from './render.js';

describe('the mail template preview', () => {
  const data = sampleData(['recipient.name', 'tenant.name', 'acceptUrl', 'custom'], { name: 'Oak Estate', url: 'https://oak.example' });

  it('fills the variables with sample values, unknown ones named', () => {
    expect(renderSample('Hello {{recipient.name}}, join {{ tenant.name }}: {{{acceptUrl}}} {{custom}}', data)).toBe('Hello Ada Lovelace, join Oak Estate: https://oak.example/accept-invitation#token=sample [custom]');
  });

  it('shows sections by their value and drops comments', () => {
    expect(renderSample('{{! a note }}{{#tenant.name}}at {{tenant.name}}{{/tenant.name}}{{^tenant.name}}nowhere{{/tenant.name}}{{#missing}}x{{/missing}}', data)).toBe('at Oak Estate');
  });

  it('leaves markup as text (the page escapes it)', () => {
    expect(renderSample('<b>{{recipient.name}}</b>', { 'recipient.name': '<script>' })).toBe('<b><script></b>');
  });
});
