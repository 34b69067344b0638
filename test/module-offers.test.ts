import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule, type ModuleManifest } from '../src/kernel/modules/manifest.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { testDb } from './test-db.js';

// Modules a later release installs: they reach plans through their manifests, with no control migration.
const probe = (key: string, includedIn: ModuleManifest['includedIn'], dependencies = ['core', 'members']) =>
  defineModule({
    key,
    name: key,
    description: `The ${key} probe`,
    dependencies,
    permissions: [{ key: `${key}.read`, description: 'See it' }],
    defaultGrants: {},
    routes: () => undefined,
    includedIn,
  });
const noticeboard = probe('noticeboard', ['starter', 'standard', 'no-such-plan']);
const polls = probe('polls', 'all');
const ballots = probe('ballots', ['starter'], ['core', 'polls']);

const warnings: { msg: string; module?: string; plan?: string }[] = [];
const logger = pino({ level: 'warn' }, new Writable({ write: (line, _enc, done) => void (warnings.push(JSON.parse(String(line))), done()) }));

let t: TestPlatform;
let token: string;
const control = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => t.call(method, `/control/v1${url}`, { token, body });
const planModules = async () => {
  const res = await control('GET', '/plans');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().data as { key: string; modules: string[] }[]).map((p) => [p.key, p.modules]));
};
const restart = async (extraModules: ModuleManifest[]) => {
  t = await t.restart({ extraModules, logger });
  token = await t.platformToken();
};

beforeAll(async () => {
  t = await startPlatform({ persistent: true, platform: { extraModules: [noticeboard], logger } });
  token = await t.platformToken();
});
afterAll(() => t?.close());

describe('modules offered to plans by their manifests', () => {
  it('adds a new module to the plans its manifest names at start, and warns of a plan that does not exist', async () => {
    const plans = await planModules();
    expect(plans.starter).toContain('noticeboard');
    expect(plans.standard).toContain('noticeboard');
    expect(plans.enterprise).not.toContain('noticeboard');
    expect(Object.keys(plans)).not.toContain('no-such-plan');
    expect(warnings).toContainEqual(expect.objectContaining({ module: 'noticeboard', plan: 'no-such-plan' }));
    // The built-in modules keep the plans their migrations gave them.
    expect(plans.starter).toEqual(expect.arrayContaining(['members', 'properties', 'occupancy', 'leases', 'finance']));
    expect(plans.starter).not.toContain('webhooks');
  });

  it('leaves a module an operator took out of a plan out after a restart', async () => {
    const standard = (await planModules()).standard!;
    const patched = await control('PATCH', '/plans/standard', { modules: standard.filter((m) => m !== 'noticeboard') });
    expect(patched.statusCode, patched.body).toBe(200);
    await restart([noticeboard]);
    const plans = await planModules();
    expect(plans.standard).not.toContain('noticeboard');
    expect(plans.starter).toContain('noticeboard');
  });

  it('offers a module installed later to every plan there is, but not to a plan created after it', async () => {
    const created = await control('POST', '/plans', { key: 'community', name: 'Community', modules: ['members'], limits: { members: 100, users: 3, storageMb: 512 }, price: { amountMinor: 0, currency: 'EUR', interval: 'month' } });
    expect(created.statusCode, created.body).toBe(201);
    await restart([noticeboard, polls, ballots]);
    const plans = await planModules();
    for (const key of ['starter', 'standard', 'enterprise']) expect(plans[key]).toContain('polls');
    // The operator chose the community plan's modules when creating it, when noticeboard was installed.
    expect(plans.community).toEqual(['members', 'polls']);
    expect(plans.starter).toContain('ballots');

    // Each offer is made once: a second restart changes nothing, and the audit log shows each offer.
    await restart([noticeboard, polls, ballots]);
    expect(await planModules()).toEqual(plans);
    const offers = (await testDb(t.platform.main.kysely).selectFrom('control.auditLog').select(['target', 'data']).where('action', '=', 'plan.module_offered').execute()).map((r) => `${r.target}/${(r.data as { module: string }).module}`);
    // Documents and communications came after the plans' migrations: the first start offered them to every plan there was; custom objects to the plans it names.
    expect(offers.sort()).toEqual(['starter/documents', 'standard/documents', 'enterprise/documents', 'starter/communications', 'standard/communications', 'enterprise/communications', 'standard/objects', 'enterprise/objects', 'community/polls', 'enterprise/polls', 'standard/noticeboard', 'standard/polls', 'starter/ballots', 'starter/noticeboard', 'starter/polls'].sort());
  });

  it('does not add a module to a plan that lacks its dependencies', async () => {
    const starter = (await planModules()).starter!;
    expect((await control('PATCH', '/plans/starter', { modules: starter.filter((m) => m !== 'ballots' && m !== 'polls') })).statusCode).toBe(200);
    const voting = probe('voting', ['starter'], ['core', 'polls']);
    await restart([noticeboard, polls, ballots, voting]);
    expect((await planModules()).starter).not.toContain('voting');
    expect(warnings).toContainEqual(expect.objectContaining({ module: 'voting', plan: 'starter', missing: ['polls'] }));
  });
});
