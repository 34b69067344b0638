import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

/**
 * Webhook endpoints through the API: on a platform that refuses private destinations (elm's),
 * and one whose operator allows them (oak's). Deliveries are in webhooks.deliveries.test.ts.
 */

let open: TestPlatform;
let strict: TestPlatform;
let oak: Estate;
let elm: Estate;

beforeAll(async () => {
  [open, strict] = await Promise.all([startPlatform({ config: { webhooksAllowPrivate: true } }), startPlatform()]);
  [oak, elm] = await Promise.all([estate(open, { slug: 'oak' }), estate(strict, { slug: 'elm' })]);
});
afterAll(() => Promise.all([open?.close(), strict?.close()]));

describe('webhook endpoints', () => {
  it('registers an endpoint and shows its signing secret once', async () => {
    const res = await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.10/hooks/courtyard', events: ['member.*', 'member.created', 'member.*'], description: 'ERP' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ url: 'https://203.0.113.10/hooks/courtyard', events: ['member.*', 'member.created'], description: 'ERP', enabled: true, disabledReason: null, failingSince: null, previousSecretExpiresAt: null });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const read = await elm.api('GET', `/webhooks/endpoints/${created.id}`);
    expect(read.statusCode).toBe(200);
    const { secret: _secret, ...withoutSecret } = created;
    expect(read.json()).toEqual(withoutSecret);
    const list = await elm.api('GET', '/webhooks/endpoints');
    expect(list.json().data).toEqual([withoutSecret]);
    expect(list.body).not.toContain(created.secret);
    expect((await elm.api('DELETE', `/webhooks/endpoints/${created.id}`)).statusCode).toBe(204);
  });

  it('changes, disables, enables and removes an endpoint', async () => {
    const created = (await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.11/a', events: ['*'] })).json();
    const changed = await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, { url: 'https://203.0.113.12/b', events: ['member.deleted'], description: 'Changed', enabled: false });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ url: 'https://203.0.113.12/b', events: ['member.deleted'], description: 'Changed', enabled: false, disabledReason: 'manual' });
    expect(changed.json().secret).toBeUndefined();
    const enabled = await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, { enabled: true });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null });

    expect((await elm.api('DELETE', `/webhooks/endpoints/${created.id}`)).statusCode).toBe(204);
    const gone = await elm.api('GET', `/webhooks/endpoints/${created.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('not_found');
    expect((await elm.api('DELETE', `/webhooks/endpoints/${created.id}`)).statusCode).toBe(404);
    expect((await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await elm.api('POST', `/webhooks/endpoints/${created.id}/rotate-secret`)).statusCode).toBe(404);
  });

  it('refuses a bad URL, empty or malformed event patterns and unknown fields with field errors, and writes nothing', async () => {
    const before = (await elm.api('GET', '/webhooks/endpoints?limit=200')).json().data.length;
    const cases: [unknown, string[]][] = [
      [{ url: 'https://203.0.113.13/', events: [] }, ['events']],
      [{ url: 'not a url', events: ['*'] }, ['url']],
      [{ url: 'ftp://203.0.113.13/drop', events: ['*'] }, ['url']],
      [{ url: 'https://user:secret@203.0.113.13/', events: ['*'] }, ['url']],
      [{ url: 'https://203.0.113.13/', events: ['Member Created'] }, ['events.0']],
      [{ url: 'https://203.0.113.13/', events: ['member.*.*'] }, ['events.0']],
      [{ events: ['*'], colour: 'red' }, ['colour', 'url']],
    ];
    for (const [body, fields] of cases) {
      const res = await elm.api('POST', '/webhooks/endpoints', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e: { field: string }) => e.field).sort(), JSON.stringify(body)).toEqual(fields);
    }
    expect((await elm.api('POST', '/webhooks/endpoints', { url: 'ftp://203.0.113.13/drop', events: ['*'] })).json().errors[0].message).toBe('must be an http or https URL');

    const created = (await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.14/', events: ['*'] })).json();
    const empty = await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, {});
    expect(empty.statusCode).toBe(400);
    const badUrl = await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, { url: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().errors).toEqual([{ field: 'url', message: 'must be an http or https URL' }]);
    expect((await elm.api('GET', '/webhooks/endpoints/not-a-uuid')).statusCode).toBe(400);
    expect((await elm.api('GET', '/webhooks/endpoints?cursor=garbage')).json().code).toBe('invalid_cursor');
    expect((await elm.api('DELETE', `/webhooks/endpoints/${created.id}`)).statusCode).toBe(204);
    expect((await elm.api('GET', '/webhooks/endpoints?limit=200')).json().data.length).toBe(before);
  });

  it('refuses URLs that point at loopback, private, link-local, CGNAT or metadata addresses, by literal or by name', async () => {
    const refused: [string, RegExp][] = [
      ['http://127.0.0.1/hook', /127\.0\.0\.1, a loopback address/],
      ['http://2130706433/hook', /127\.0\.0\.1, a loopback address/],
      ['http://10.1.2.3/hook', /a private address/],
      ['http://192.168.0.10:8080/hook', /a private address/],
      ['http://169.254.169.254/latest/meta-data', /a cloud metadata address/],
      ['http://100.64.0.1/hook', /a carrier-grade NAT address/],
      ['http://0.0.0.0/hook', /an unspecified address/],
      ['http://[::1]/hook', /a loopback address/],
      ['http://[fd00:ec2::254]/latest', /a cloud metadata address/],
      ['http://[::ffff:10.0.0.1]/hook', /a private address/],
      ['http://localhost/hook', /a loopback address/],
    ];
    for (const [url, message] of refused) {
      const res = await elm.api('POST', '/webhooks/endpoints', { url, events: ['*'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors, url).toEqual([{ field: 'url', message: expect.stringMatching(message) }]);
    }
    // A change of URL is checked the same way.
    const created = (await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.15/', events: ['*'] })).json();
    const patched = await elm.api('PATCH', `/webhooks/endpoints/${created.id}`, { url: 'http://169.254.169.254/' });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0].field).toBe('url');
    expect((await elm.api('GET', `/webhooks/endpoints/${created.id}`)).json().url).toBe('https://203.0.113.15/');
    await elm.api('DELETE', `/webhooks/endpoints/${created.id}`);

    // With COURTYARD_WEBHOOKS_ALLOW_PRIVATE the operator allows them.
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://10.1.2.3/hook']) {
      const res = await oak.api('POST', '/webhooks/endpoints', { url, events: ['*'] });
      expect(res.statusCode, url).toBe(201);
    }
  });

  it('lets staff see endpoints but not change them, and members neither', async () => {
    const created = (await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.16/', events: ['*'] })).json();
    const staff = (await elm.newUser('clerk@elm.test', ['staff'])).token;
    const member = (await elm.newUser('resident@elm.test', ['member'])).token;
    expect((await elm.api('GET', '/webhooks/endpoints', undefined, { token: staff })).statusCode).toBe(200);
    expect((await elm.api('GET', `/webhooks/endpoints/${created.id}/deliveries`, undefined, { token: staff })).statusCode).toBe(200);
    const write = await elm.api('POST', '/webhooks/endpoints', { url: 'https://203.0.113.17/', events: ['*'] }, { token: staff });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('permission_denied');
    expect((await elm.api('POST', `/webhooks/endpoints/${created.id}/rotate-secret`, undefined, { token: staff })).statusCode).toBe(403);
    expect((await elm.api('GET', '/webhooks/endpoints', undefined, { token: member })).statusCode).toBe(403);
    await elm.api('DELETE', `/webhooks/endpoints/${created.id}`);
  });

  it('searches the URL and the description, taking % and _ literally, and pages through the matches', async () => {
    const create = async (url: string, description = '') => (await elm.api('POST', '/webhooks/endpoints', { url, events: ['*'], description })).json().id as string;
    const ids = async (q: string, more = '') => (await elm.api('GET', `/webhooks/endpoints?q=${encodeURIComponent(q)}${more}`)).json().data.map((e: { id: string }) => e.id);
    const byUrl = await create('https://203.0.113.20/hooks/ledger-sync');
    const byDescription = await create('https://203.0.113.21/a', 'Accounting ERP');
    const literal = await create('https://203.0.113.22/b', '50%_off feed');
    const decoy = await create('https://203.0.113.23/c', '50xyoff feed');
    expect(await ids('LEDGER-SYNC')).toEqual([byUrl]);
    expect(await ids('accounting erp')).toEqual([byDescription]);
    expect(await ids('50%_off')).toEqual([literal]);
    const first = (await elm.api('GET', '/webhooks/endpoints?q=203.0.113.2&limit=2')).json();
    const second = (await elm.api('GET', `/webhooks/endpoints?q=203.0.113.2&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data].map((e: { id: string }) => e.id)).toEqual([byUrl, byDescription, literal, decoy]);
    expect(second.nextCursor).toBeNull();
    for (const id of [byUrl, byDescription, literal, decoy]) expect((await elm.api('DELETE', `/webhooks/endpoints/${id}`)).statusCode).toBe(204);
  });
});
