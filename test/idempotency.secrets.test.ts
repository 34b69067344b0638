import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/kernel/canonical-json.js';
import { loadMigrations } from '../src/kernel/db/migrations.js';
import type { TestPlatform, TestTenant } from './helpers.js';
import { countMembers, create, keyRows, member, replayed, send, startIdempotencyPlatform, updateKey } from './idempotency-helpers.js';
import { expectProblem } from './fixture.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  ({ t, oak } = await startIdempotencyPlatform());
});
afterAll(() => t?.close());

/** What fingerprints were before they were keyed: plain sha256 of the canonical request. */
const plainSha256 = (method: string, route: string, body: unknown) => createHash('sha256').update(canonicalJson([method, route, {}, {}, body])).digest('hex');

describe('idempotency keys keep no secrets', () => {
  it('fingerprints with a keyed HMAC: a password in the body cannot be tested against the stored fingerprint with plain sha256', async () => {
    const key = randomUUID();
    const body = { email: 'hmac@oak.test', name: 'Hmac', password: 'correct horse battery staple', roles: ['manager'] };
    const first = await send('POST', '/api/v1/users', { key, body });
    expect(first.statusCode).toBe(201);

    const [row] = await keyRows(oak, key);
    expect(row!.fingerprint).not.toContain(plainSha256('POST', '/api/v1/users', body));
    expect(row!.fingerprint).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);

    // The same request still replays (a second run would answer 409: the e-mail is taken).
    const retry = await send('POST', '/api/v1/users', { key, body });
    expect(retry.statusCode).toBe(201);
    expect(replayed(retry)).toBe(true);
    expect(retry.body).toBe(first.body);
    expectProblem(await send('POST', '/api/v1/users', { key, body: { ...body, password: 'another long password' } }), 422, 'idempotency_key_reused');
  });

  it('keeps only the status and the id of a new webhook endpoint: a retry gets the id, never the signing secret', async () => {
    const key = randomUUID();
    const body = { url: 'https://203.0.113.40/hooks', events: ['member.*'] };
    const first = await send('POST', '/api/v1/webhooks/endpoints', { key, body });
    expect(first.statusCode).toBe(201);
    const { id, secret } = first.json() as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);

    const retry = await send('POST', '/api/v1/webhooks/endpoints', { key, body });
    expect(retry.statusCode).toBe(201);
    expect(replayed(retry)).toBe(true);
    expect(retry.headers['content-type']).toContain('application/json');
    expect(retry.json()).toEqual({ replayed: true, id, detail: expect.any(String) });
    expect(retry.body).not.toContain('whsec_');

    const rows = await keyRows(oak, key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', responseStatus: 201 });
    expect(JSON.stringify(rows[0])).not.toContain(secret.slice('whsec_'.length));
    expect(JSON.stringify(rows[0])).not.toContain('whsec_');

    // One endpoint was made; a different request under the key is still refused.
    const list = (await send('GET', '/api/v1/webhooks/endpoints?limit=200')).json().data as { id: string; url: string }[];
    expect(list.filter((e) => e.url === body.url).map((e) => e.id)).toEqual([id]);
    expectProblem(await send('POST', '/api/v1/webhooks/endpoints', { key, body: { ...body, events: ['*'] } }), 422, 'idempotency_key_reused');
  });

  it('keeps only the status and the id of a secret rotation: a retry neither rotates again nor shows the new secret', async () => {
    const created = (await send('POST', '/api/v1/webhooks/endpoints', { body: { url: 'https://203.0.113.41/hooks', events: ['*'] } })).json() as { id: string; secret: string };
    const key = randomUUID();
    const first = await send('POST', `/api/v1/webhooks/endpoints/${created.id}/rotate-secret`, { key });
    expect(first.statusCode).toBe(200);
    const rotated = first.json() as { secret: string; previousSecretExpiresAt: string };
    expect(rotated.secret).not.toBe(created.secret);

    const retry = await send('POST', `/api/v1/webhooks/endpoints/${created.id}/rotate-secret`, { key });
    expect(retry.statusCode).toBe(200);
    expect(replayed(retry)).toBe(true);
    expect(retry.json()).toEqual({ replayed: true, id: created.id, detail: expect.any(String) });
    const stored = JSON.stringify(await keyRows(oak, key));
    for (const secret of [rotated.secret, created.secret]) expect(stored).not.toContain(secret.slice('whsec_'.length));
    // Not rotated a second time: the secret of the first rotation still has its expiry.
    expect((await send('GET', `/api/v1/webhooks/endpoints/${created.id}`)).json().previousSecretExpiresAt).toBe(rotated.previousSecretExpiresAt);
  });

  it('marks every idempotent route whose answer carries a secret, and documents its replay body in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
    const carrying: string[] = [];
    const marked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key')) continue;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          const schema = response.content?.['application/json']?.schema;
          if (schema?.anyOf?.some((s) => s.title === 'IdempotentReplay')) marked.push(`${method.toUpperCase()} ${path}`);
          if (schema && carriesSecret(schema)) carrying.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(carrying.sort()).toEqual([
      'POST /api/v1/api-keys', 'POST /api/v1/auth/step-up', 'POST /api/v1/auth/step-up/passkey', 'POST /api/v1/me/mfa/totp', 'POST /api/v1/me/mfa/totp/confirm',
      'POST /api/v1/webhooks/endpoints', 'POST /api/v1/webhooks/endpoints/{id}/rotate-secret',
    ]);
    expect(marked.sort()).toEqual(carrying);
  });

  it('clears the fingerprints and bodies stored before keyed fingerprints: a retry with such a key is refused, not run again', async () => {
    const key = randomUUID();
    const first = await create('Legacy', key);
    expect(first.statusCode).toBe(201);
    // A row as the previous code kept it: a plain sha256 fingerprint and the whole body.
    await updateKey(oak, key, { fingerprint: plainSha256('POST', '/api/v1/members', member('Legacy')), responseBody: '{"secret":"whsec_legacy"}' });

    const [migration] = (await loadMigrations([{ owner: 'idempotency', dir: new URL('../src/data/idempotency/migrations/', import.meta.url) }])).filter((m) => m.id === 'idempotency/0002_keyed_fingerprints');
    await t.platform.main.session((s) => s.exec(migration!.sql));

    const [row] = await keyRows(oak, key);
    expect(row).toMatchObject({ fingerprint: 'cleared', responseBody: null, responseType: null, status: 'completed', responseStatus: 201 });
    expectProblem(await create('Legacy', key), 422, 'idempotency_key_reused');
    expect(await countMembers('Legacy')).toBe(1);
  });
});

interface JsonSchema {
  type?: string | string[];
  title?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
}
interface Operation {
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/**
 * A string property named like a credential, or a string or list of strings documented as shown
 * once (API keys, recovery codes), at any depth (the replay body's alternatives aside).
 */
function carriesSecret(schema: JsonSchema): boolean {
  const credential = /(secret|token|password|apikey)$/i;
  if (schema.title === 'IdempotentReplay') return false;
  const strings = (p: JsonSchema) => [p.type].flat().includes('string') || (p.type === 'array' && p.items?.type === 'string');
  const own = Object.entries(schema.properties ?? {}).some(([name, p]) => strings(p) && (credential.test(name) || /shown this once/i.test(p.description ?? '')));
  return own || [...Object.values(schema.properties ?? {}), ...(schema.items ? [schema.items] : []), ...(schema.anyOf ?? [])].some(carriesSecret);
}

