import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../src/kernel/http/pages.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * The web pages are served by the API's process on its origin. A stand-in build (an index.html
 * and one asset) keeps this file independent of Vite; the e2e tests use the real build.
 */

let t: TestPlatform;
let web: string;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  web = await mkdtemp(join(tmpdir(), 'courtyard-web-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), INDEX);
  await writeFile(join(web, 'assets', 'index-abc123.js'), 'console.log("courtyard")');
  await writeFile(join(web, 'assets', 'index-abc123.js.gz'), gzipSync('console.log("courtyard")'));
  await writeFile(join(web, 'sw.js'), 'self.addEventListener("fetch", () => undefined)');
  t = await startPlatform({ platform: { webRoot: web } });
  await t.createTenant('oak');
});
afterAll(async () => {
  await t?.close();
  await rm(web, { recursive: true, force: true });
});

function expectPage(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.body).toBe(INDEX);
  expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
}

describe('web pages', () => {
  it("serves the portal's service worker, allowed to control a tenant's portal below it", async () => {
    const sw = await t.call('GET', '/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(sw.headers['service-worker-allowed']).toBe('/');
    // Revalidated, so that a new build's worker replaces the old one at the next visit.
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect((await t.call('GET', '/t/oak/sw.js')).body).toBe(sw.body);
  });

  it("answers the portal's web app manifest in the tenant's name and colour, scoped to its portal", async () => {
    const manifest = await t.call('GET', '/t/oak/api/v1/portal/manifest');
    expect(manifest.statusCode, manifest.body).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.json()).toMatchObject({ id: '/t/oak/portal/', name: 'Tenant oak', start_url: '/t/oak/portal/', scope: '/t/oak/portal/', display: 'standalone', theme_color: '#1e3a5f' });
    expect(manifest.json().icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    const owner = await t.login('oak', 'owner@oak.test');
    const branded = await t.call('PATCH', '/api/v1/settings/branding', { tenant: 'oak', token: owner.accessToken, body: { displayName: 'Oak Grove Residents', primaryColor: '#0f766e' } });
    expect(branded.statusCode, branded.body).toBe(200);
    const onHost = (await t.call('GET', '/api/v1/portal/manifest', { headers: { host: 'oak.courtyard.test' } })).json();
    expect(onHost).toMatchObject({ name: 'Oak Grove Residents', short_name: 'Oak', start_url: '/portal/', scope: '/portal/', theme_color: '#0f766e' });
  });

  it("answers the signed-out portal pages' branding: name, logo, colour and default language, nothing private", async () => {
    const plain = await t.call('GET', '/t/oak/api/v1/portal/branding');
    expect(plain.statusCode, plain.body).toBe(200);
    expect(Object.keys(plain.json()).sort()).toEqual(['defaultLocale', 'displayName', 'logoUrl', 'primaryColor']);
    expect(plain.json()).toMatchObject({ logoUrl: null, defaultLocale: 'en' });
    const owner = await t.login('oak', 'owner@oak.test');
    const as = { tenant: 'oak', token: owner.accessToken };
    const branded = await t.call('PATCH', '/api/v1/settings/branding', { ...as, body: { displayName: 'Oak Grove Residents', primaryColor: '#0f766e', logoUrl: 'https://cdn.oak.test/logo.png', supportEmail: 'office@oak.test' } });
    expect(branded.statusCode, branded.body).toBe(200);
    expect((await t.call('PATCH', '/api/v1/settings/regional', { ...as, body: { defaultLocale: 'es', timeZone: 'Europe/Madrid' } })).statusCode).toBe(200);
    const onHost = await t.call('GET', '/api/v1/portal/branding', { headers: { host: 'oak.courtyard.test' } });
    expect(onHost.json()).toEqual({ displayName: 'Oak Grove Residents', logoUrl: 'https://cdn.oak.test/logo.png', primaryColor: '#0f766e', defaultLocale: 'es' });
    expect(onHost.body).not.toContain('office@oak.test');
    expect(onHost.body).not.toContain('Madrid');
    expect((await t.call('PATCH', '/api/v1/settings/regional', { ...as, body: { defaultLocale: 'en', timeZone: 'UTC' } })).statusCode).toBe(200);
    expect((await t.call('GET', '/t/nowhere/api/v1/portal/branding')).statusCode).toBe(404);
  });

  it('serves the console and its deep links', async () => {
    expectPage(await t.call('GET', '/console/', { headers: html }));
    expectPage(await t.call('GET', '/console/tenants/new?q=oak', { headers: html }));
    const bare = await t.call('GET', '/console');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');
  });

  it('serves a tenant workspace on its path and on its own host, deep links included', async () => {
    expectPage(await t.call('GET', '/t/oak/', { headers: html }));
    expectPage(await t.call('GET', '/t/oak', { headers: html }));
    expectPage(await t.call('GET', '/t/oak/members?q=ada', { headers: html }));
    expectPage(await t.call('GET', '/t/oak/members/0190d6a8-0000-7000-8000-000000000000', { headers: html }));
    expectPage(await t.call('GET', '/', { headers: { ...html, host: 'oak.courtyard.test' } }));
    expectPage(await t.call('GET', '/members', { headers: { ...html, host: 'oak.courtyard.test' } }));
  });

  it('leads / on the platform host to the console', async () => {
    for (const host of ['courtyard.test', 'localhost:3000', '127.0.0.1:3000']) {
      const res = await t.call('GET', '/', { headers: { ...html, host } });
      expect(res.statusCode, host).toBe(302);
      expect(res.headers.location).toBe('/console/');
    }
  });

  it('serves hashed assets for a year and refuses paths outside them', async () => {
    const asset = await t.call('GET', '/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBeUndefined();
    expect(asset.body).toBe('console.log("courtyard")');
    for (const bad of ['/assets/../index.html', '/assets/%2e%2e%2findex.html', '/assets/missing.js', '/assets/index-abc123.exe']) {
      const res = await t.call('GET', bad);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().code).toBe('route_not_found');
    }
  });

  it('sends the gzip copy the build wrote to a browser that accepts gzip, and only to one', async () => {
    const gzipped = await t.call('GET', '/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.statusCode).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toBe('accept-encoding');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe('console.log("courtyard")');
    for (const refuses of ['br', 'gzip;q=0', 'identity']) {
      const plain = await t.call('GET', '/assets/index-abc123.js', { headers: { 'accept-encoding': refuses } });
      expect(plain.headers['content-encoding'], refuses).toBeUndefined();
      expect(plain.body).toBe('console.log("courtyard")');
    }
    expect((await t.call('GET', '/assets/index-abc123.js.gz')).statusCode).toBe(404);
  });

  it('answers unknown API paths with a problem even when a browser asks for HTML', async () => {
    for (const url of ['/api/v1/nothing', '/t/oak/api/v1/nothing', '/control/v1/nothing', '/health/nothing']) {
      const res = await t.call('GET', url, { headers: html });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('route_not_found');
    }
    // A program asking for a path that is no route gets the problem, as before the pages.
    expect((await t.call('GET', '/members')).json().code).toBe('route_not_found');
    expect((await t.call('POST', '/console/', { headers: html })).json().code).toBe('route_not_found');
  });
});

describe('web pages before the build', () => {
  it('says how to build them', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'courtyard-web-'));
    const p = await startPlatform({ platform: { webRoot: empty } });
    try {
      const res = await p.call('GET', '/console/', { headers: html });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toContain('npm run build');
    } finally {
      await p.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
