import { describe, expect, it } from 'vitest';
import { brandingBody, contrast, previewColors, previewLogo } from './branding.js';
import { defaultExpiry, licenceFacts, reissueBody } from './licence.js';
import { stepStates } from './provisioning.js';
import { tenantsSearch } from './search.js';

describe('the tenants list search', () => {
  it('keeps a known status and drops anything else', () => {
    expect(tenantsSearch({ q: 'oak', status: 'suspended' })).toEqual({ q: 'oak', cursor: undefined, status: 'suspended' });
    expect(tenantsSearch({ status: 'deleted' })).toEqual({ q: undefined, cursor: undefined });
    expect(tenantsSearch({ status: ['active'] })).toEqual({ q: undefined, cursor: undefined });
  });
});

describe('provisioning steps', () => {
  it('marks the steps done, the next one running while provisioning, and the rest pending', () => {
    expect(stepStates('provisioning', { completed: ['database', 'schema'] }).map((s) => s.state)).toEqual(['done', 'done', 'running', 'pending', 'pending']);
  });
  it('marks the failed step and leaves the later ones pending', () => {
    const states = stepStates('failed', { completed: ['database'], failedStep: 'schema' });
    expect(states.map((s) => `${s.step}:${s.state}`)).toEqual(['database:done', 'schema:failed', 'modules:pending', 'licence:pending', 'activate:pending']);
  });
  it('counts every step done once the tenant is active, and reads the old name of the modules step', () => {
    expect(stepStates('active', { completed: ['database', 'schema', 'identity', 'licence'] }).every((s) => s.state === 'done')).toBe(true);
    expect(stepStates('provisioning', { completed: ['database', 'schema', 'identity'] })[3]).toEqual({ step: 'licence', state: 'running' });
  });
});

describe('branding', () => {
  it('keeps the fields the form does not edit and leaves out emptied ones', () => {
    const current = { displayName: 'Old', accentColor: '#000000', supportEmail: 'help@oak.test', logoUrl: 'https://oak.test/a.png' };
    expect(brandingBody(current, { displayName: ' Oak Estates ', primaryColor: '#AA3300', logoUrl: '' })).toEqual({ accentColor: '#000000', supportEmail: 'help@oak.test', displayName: 'Oak Estates', primaryColor: '#aa3300' });
  });
  it('previews a valid colour with text that reads on it, and the default otherwise', () => {
    for (const color of ['#ffffff', '#000000', '#777777', '#1f5f8b', '#ffcc00', '#767676', '#757575']) {
      const p = previewColors(color);
      expect(p.valid).toBe(true);
      expect(contrast(p.background, p.text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(previewColors('#12')).toMatchObject({ valid: false, background: '#1f5f8b', text: '#ffffff' });
  });
  it('shows a logo only for an https address with a host', () => {
    expect(previewLogo('https://cdn.oak.test/logo.png')).toBe('https://cdn.oak.test/logo.png');
    expect(previewLogo('http://cdn.oak.test/logo.png')).toBeNull();
    expect(previewLogo('https://cdn')).toBeNull();
    expect(previewLogo('not a url')).toBeNull();
  });
});

describe('licences', () => {
  it('reads the claims, unlimited as null and the grace period in days', () => {
    expect(licenceFacts({ plan: 'standard', modules: ['members', 3], limits: { members: 500, users: null }, grace: 14 * 86_400 })).toEqual({
      plan: 'standard',
      modules: ['members'],
      limits: { members: 500, users: null, storageMb: null },
      graceDays: 14,
    });
  });
  it('proposes an expiry a year away', () => {
    expect(defaultExpiry(new Date('2025-03-01T22:30:00Z'))).toBe('2026-03-01');
  });
  it('sends only what differs from the plan', () => {
    const plan = { modules: ['finance', 'members'], limits: { members: 500, users: 10, storageMb: null } };
    expect(reissueBody(plan, { modules: ['members', 'finance'], limits: { members: 500, users: 10, storageMb: null }, expiresOn: '', graceDays: null })).toEqual({});
    expect(reissueBody(plan, { modules: ['members', 'webhooks', 'mail'], limits: { members: null, users: 10, storageMb: 1024 }, expiresOn: '2030-01-31', graceDays: 7 })).toEqual({
      addModules: ['mail', 'webhooks'],
      removeModules: ['finance'],
      limits: { members: null, storageMb: 1024 },
      expiresAt: '2030-01-31T23:59:59Z',
      graceDays: 7,
    });
  });
});
