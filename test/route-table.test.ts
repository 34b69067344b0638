import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPipeline, type PipelineDeps } from '../src/data/pipeline.js';
import { RolePermissionCache } from '../src/data/role-cache.js';
import type { RouteAccess } from '../src/kernel/http/access.js';
import { createHttpApp, type HttpApp } from '../src/kernel/http/app.js';
import { Metrics } from '../src/kernel/observability/metrics.js';
import type { RouteEntry } from '../src/platform.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

/**
 * Every route declares what it needs next to it (its module and permission, or that it is
 * public). This file walks the whole route table for routes that do not, and proves that the
 * data plane refuses to start with one.
 */

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const plane = (url: string) => (url.startsWith('/api/v1/') ? 'data' : url.startsWith('/control/v1/') ? 'control' : 'platform');

/** What is wrong with a route's declaration, or null. */
function declarationProblem(route: RouteEntry): string | null {
  const a = route.access as (RouteAccess & Record<string, unknown>) | undefined;
  if (!a) return 'declares no access';
  if (typeof a.module !== 'string' || a.module.length === 0) return 'names no module';
  const kinds = [a.public === true, a.authenticated === true, typeof a.permission === 'string'].filter(Boolean).length;
  if (kinds !== 1) return 'must be exactly one of public, authenticated or a permission';
  const p = t.platform;
  switch (plane(route.url)) {
    case 'data':
      if (!p.modules.has(a.module)) return `names unknown module ${a.module}`;
      if (typeof a.permission === 'string' && !p.modules.allPermissions().includes(a.permission)) return `names unknown permission ${a.permission}`;
      if (a.own !== undefined && (typeof a.own !== 'string' || !p.modules.allPermissions().includes(a.own))) return `names unknown own permission ${String(a.own)}`;
      return null;
    case 'control':
      if (a.module !== 'control') return 'is a control route outside the control module';
      if (typeof a.permission === 'string' && a.permission !== 'platform.admin') return `names unknown control permission ${a.permission}`;
      if (a.authenticated) return 'control routes need platform.admin or are public';
      return null;
    default:
      return a.module === 'platform' && a.public === true ? null : 'infrastructure routes are public routes of the platform module';
  }
}

describe('route table', () => {
  it('declares access on every route the platform serves: data plane, control plane, health and docs', () => {
    const routes = t.platform.routes;
    for (const prefix of ['/api/v1/', '/control/v1/', '/health/', '/docs']) {
      expect(routes.some((r) => r.url.startsWith(prefix)), `routes under ${prefix}`).toBe(true);
    }
    const problems = routes.map((r) => ({ route: key(r), problem: declarationProblem(r) })).filter((r) => r.problem !== null);
    expect(problems).toEqual([]);
    // The table is the router's: every entry is a route Fastify serves.
    for (const r of routes) expect(t.platform.app.hasRoute({ method: r.method as never, url: r.url }), key(r)).toBe(true);
  });

  it('keeps the routes reachable without signing in to a reviewed allowlist', () => {
    const reviewed = [
      'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout',
      // Accepting an invitation: the single-use token from the e-mail is the credential.
      'POST /api/v1/auth/accept-invitation',
      // A forgotten password: asking answers 202 whatever the address (limited per address and
      // IP); choosing the new one needs the single-use token from the e-mail.
      'POST /api/v1/auth/password-reset', 'POST /api/v1/auth/password-reset/confirm',
      // A sign-in's second step, and the enrolment a required role asks for first: the mfaToken the
      // right password gave (5 minutes, once, 5 wrong codes) is the credential.
      'POST /api/v1/auth/mfa', 'POST /api/v1/auth/mfa/enrol',
      // Single sign-on: the sign-in page's buttons (id and name only), which provider an address's
      // domain uses, and the two legs of the redirect (the provider's signed ID token, checked
      // against the state, nonce and PKCE verifier sealed in this browser's cookie, is the credential).
      'GET /api/v1/auth/sso/providers', 'POST /api/v1/auth/sso/discover', 'GET /api/v1/auth/sso/:providerId/start', 'GET /api/v1/auth/sso/callback',
      // Passkeys: the options are a fresh challenge (5 minutes, once) and name no one; the answer
      // is the credential (a signature of a registered key over that challenge), and the second
      // step's also needs the mfaToken.
      'POST /api/v1/auth/passkey/options', 'POST /api/v1/auth/passkey', 'POST /api/v1/auth/mfa/passkey/options', 'POST /api/v1/auth/mfa/passkey',
      // Stripe's notifications: the tenant's webhook signing secret (Stripe-Signature over the raw body) is the credential.
      'POST /api/v1/finance/providers/stripe/webhook',
      // The member portal's web app manifest: the tenant's name, colour and icons, as its pages show them.
      'GET /api/v1/portal/manifest',
      // The portal's signed-out pages: the tenant's display name, logo, colour and default language, nothing private.
      'GET /api/v1/portal/branding',
      // A document's download: the signed link (document, version, tenant, 5 minutes) is the credential.
      'GET /api/v1/document-files/:token',
      // An announcement e-mail's links: the signed token (announcement, member, tenant) is the
      // credential. The unsubscribe page changes nothing; its POST is RFC 8058's one click.
      'GET /api/v1/communications/unsubscribe/:token', 'POST /api/v1/communications/unsubscribe/:token', 'GET /api/v1/communications/open/:token',
      // Twilio's status callbacks and incoming texts: X-Twilio-Signature (the account's auth token over the URL and parameters) is the credential.
      'POST /api/v1/communications/sms/status', 'POST /api/v1/communications/sms/inbound',
      'POST /control/v1/auth/login', 'POST /control/v1/auth/refresh', 'POST /control/v1/auth/logout', 'GET /control/v1/resolve',
      'POST /control/v1/auth/password-reset', 'POST /control/v1/auth/password-reset/confirm',
      // An operator's second step, and the enrolment a `required` platform asks for: the mfaToken is the credential.
      'POST /control/v1/auth/mfa', 'POST /control/v1/auth/mfa/enrol',
      // Stripe's notifications of the operator's account: its webhook signing secret (Stripe-Signature over the raw body) is the credential.
      'POST /control/v1/billing/stripe/webhook',
      'GET /health/live', 'GET /health/ready', 'GET /health/startup', 'GET /metrics', 'GET /openapi.json',
      // The web application's page and its files: the same for everyone, no data in them.
      'GET /', 'GET /console', 'GET /console/*', 'GET /assets/*', 'GET /sw.js',
    ];
    const open = t.platform.routes
      .filter((r) => (r.access as { public?: boolean } | undefined)?.public === true && r.method !== 'HEAD' && !r.url.startsWith('/docs'))
      .map(key);
    expect(open.sort()).toEqual([...reviewed].sort());
  });

  it('refuses every route that is not public to a caller who has not signed in', async () => {
    const closed = t.platform.routes.filter((r) => (r.access as { public?: boolean } | undefined)?.public !== true);
    expect(closed.length).toBeGreaterThan(20);
    for (const r of closed) {
      const url = r.url.replace(/:[A-Za-z_]+/g, oak.id);
      const res = await t.call(r.method as never, url, plane(r.url) === 'data' ? { tenant: 'oak' } : {});
      expect(res.statusCode, `${key(r)}: ${res.body}`).toBe(401);
      if (r.method !== 'HEAD') expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('still serves the API documentation', async () => {
    const res = await t.call('GET', '/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/v1/members', '/control/v1/tenants']));
  });

  it('names every API operation once, for the methods of a generated client', () => {
    const api = t.platform.routes.filter((r) => plane(r.url) !== 'platform' && r.method !== 'HEAD');
    expect(api.filter((r) => !r.operationId).map(key)).toEqual([]);
    const ids = api.map((r) => r.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
  });

  it('documents every operation with its id and its problem responses', async () => {
    const doc = (await t.call('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })));
    expect(operations.length).toBe(t.platform.routes.filter((r) => plane(r.url) !== 'platform' && r.method !== 'HEAD').length);
    for (const op of operations) {
      expect(op.operationId, op.at).toBeTruthy();
      const problems = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
      expect(problems.length, op.at).toBeGreaterThan(0);
      for (const [, response] of problems) expect(Object.keys(response.content ?? {}), op.at).toEqual(['application/problem+json']);
    }
    const members = doc.paths['/api/v1/members/{id}']!;
    expect(Object.keys(members.patch!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(Object.keys(doc.paths['/api/v1/auth/login']!.post!.responses)).toEqual(expect.arrayContaining(['401', '429']));
  });
});

describe('a data-plane route without an access declaration', () => {
  /** A data plane of its own on the test platform's real registry, databases and modules. */
  async function dataPlaneWith(register: (app: HttpApp) => void): Promise<HttpApp> {
    const p = t.platform;
    const deps: PipelineDeps = { directory: p.directory, router: p.router, licences: p.licenceVerifier, tokens: p.tokens, roles: new RolePermissionCache(), sessions: p.sessions, apiKeys: p.apiKeys, rateLimit: p.rateLimit, modules: p.modules, baseDomain: 'courtyard.test', fingerprintKey: randomBytes(32) };
    const app = createHttpApp({ logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, trustProxy: false, metrics: new Metrics(() => ({})) });
    await app.register(
      async (scope) => {
        const s = scope as unknown as HttpApp;
        installPipeline(s, deps);
        register(s);
      },
      { prefix: '/api/v1' },
    );
    return app;
  }

  async function expectStartRefused(register: (app: HttpApp) => void, message: RegExp) {
    const app = await dataPlaneWith(register).catch((error: unknown) => error);
    if (app instanceof Error) {
      expect(app.message).toMatch(message);
      return;
    }
    try {
      await expect((app as HttpApp).ready()).rejects.toThrow(message);
    } finally {
      await (app as HttpApp).close().catch(() => undefined);
    }
  }

  it('stops the data plane from starting', async () => {
    await expectStartRefused((s) => s.get('/undeclared', async () => ({ leaked: true })), /GET \/api\/v1\/undeclared declares no access/);
    await expectStartRefused((s) => s.get('/empty', { config: {} }, async () => ({ leaked: true })), /declares no access/);
  });

  it('stops the data plane from starting when the route names an unknown module or permission', async () => {
    await expectStartRefused((s) => s.get('/ghost', { config: { access: { module: 'ghosts', authenticated: true } } }, async () => ({})), /names unknown module ghosts/);
    await expectStartRefused((s) => s.get('/ghost', { config: { access: { module: 'members', permission: 'members.haunt' } } }, async () => ({})), /names unknown permission members.haunt/);
    await expectStartRefused((s) => s.get('/ghost/:id', { config: { access: { module: 'objects', permission: 'objects.read', scope: 'key' } } }, async () => ({})), /scopes its permission by key, not one of its path parameters/);
  });

  it('lets a route with a declaration start and puts it behind the pipeline', async () => {
    const app = await dataPlaneWith((s) => s.get('/declared', { config: { access: { module: 'members', permission: 'members.read' } } }, async (req) => ({ tenant: req.ctx.tenant.slug })));
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/api/v1/declared' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/v1/declared', headers: { 'x-tenant-id': 'oak' } })).statusCode).toBe(401);
      const ok = await app.inject({ method: 'GET', url: '/api/v1/declared', headers: { 'x-tenant-id': 'oak', authorization: `Bearer ${oak.token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ tenant: 'oak' });
    } finally {
      await app.close();
    }
  });
});
