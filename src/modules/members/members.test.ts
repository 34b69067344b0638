import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform, type TestTenant } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const member = (overrides: Record<string, unknown> = {}) => ({ firstName: 'Ada', lastName: 'Lovelace', type: 'owner', email: 'Ada@Example.test', phone: '+44 20 7946 0000', ...overrides });

describe('members', () => {
  it('creates, reads, updates and deletes a member', async () => {
    const created = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: member() });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', type: 'owner', status: 'active', email: 'ada@example.test', notes: '' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await t.call('GET', `/api/v1/members/${body.id}`, { token: oak.token, tenant: 'oak' });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);

    const updated = await t.call('PATCH', `/api/v1/members/${body.id}`, { token: oak.token, tenant: 'oak', body: { status: 'inactive', notes: 'Moved abroad', phone: null } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'inactive', notes: 'Moved abroad', phone: null, firstName: 'Ada' });
    expect(new Date(updated.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(body.updatedAt).getTime());

    const deleted = await t.call('DELETE', `/api/v1/members/${body.id}`, { token: oak.token, tenant: 'oak' });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.call('GET', `/api/v1/members/${body.id}`, { token: oak.token, tenant: 'oak' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('not_found');
    const again = await t.call('DELETE', `/api/v1/members/${body.id}`, { token: oak.token, tenant: 'oak' });
    expect(again.statusCode).toBe(404);
  });

  it('refuses invalid input with field errors and writes nothing', async () => {
    const before = await t.call('GET', '/api/v1/members?limit=200', { token: oak.token, tenant: 'oak' });
    const res = await t.call('POST', '/api/v1/members', {
      token: oak.token,
      tenant: 'oak',
      body: { firstName: '', lastName: 'X', type: 'martian', email: 'not-an-email', nickname: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.requestId).toBeTruthy();
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'firstName', 'nickname', 'type']);
    const after = await t.call('GET', '/api/v1/members?limit=200', { token: oak.token, tenant: 'oak' });
    expect(after.json().data.length).toBe(before.json().data.length);
  });

  it('refuses an empty patch, a bad id and a bad cursor', async () => {
    const created = (await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: member({ firstName: 'Patch' }) })).json();
    const empty = await t.call('PATCH', `/api/v1/members/${created.id}`, { token: oak.token, tenant: 'oak', body: {} });
    expect(empty.statusCode).toBe(400);
    const badId = await t.call('GET', '/api/v1/members/not-a-uuid', { token: oak.token, tenant: 'oak' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ field: 'id', in: 'params' });
    const badCursor = await t.call('GET', '/api/v1/members?cursor=garbage', { token: oak.token, tenant: 'oak' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().code).toBe('invalid_cursor');
  });

  it('pages through members in name order with cursors, and searches and filters them', async () => {
    const elm = await t.createTenant('elm');
    const names = ['Zed', 'Young', 'Xu', 'Walker', 'Vance', 'Underwood', 'Taylor'];
    for (const [i, lastName] of names.entries()) {
      const res = await t.call('POST', '/api/v1/members', {
        token: elm.token,
        tenant: 'elm',
        body: member({ firstName: `F${i}`, lastName, email: `${lastName.toLowerCase()}@elm.test`, type: i % 2 ? 'renter' : 'resident' }),
      });
      expect(res.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.call('GET', url, { token: elm.token, tenant: 'elm' })).json();
      seen.push(...page.data.map((m: { lastName: string }) => m.lastName));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());

    const desc = (await t.call('GET', '/api/v1/members?sort=-name&limit=2', { token: elm.token, tenant: 'elm' })).json();
    expect(desc.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Zed', 'Young']);
    const next = (await t.call('GET', `/api/v1/members?sort=-name&limit=2&cursor=${desc.nextCursor}`, { token: elm.token, tenant: 'elm' })).json();
    expect(next.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Xu', 'Walker']);

    const byCreated = (await t.call('GET', '/api/v1/members?sort=createdAt&limit=4', { token: elm.token, tenant: 'elm' })).json();
    const rest = (await t.call('GET', `/api/v1/members?sort=createdAt&limit=4&cursor=${byCreated.nextCursor}`, { token: elm.token, tenant: 'elm' })).json();
    expect([...byCreated.data, ...rest.data].map((m: { lastName: string }) => m.lastName)).toEqual(names);

    const search = (await t.call('GET', '/api/v1/members?q=WALK', { token: elm.token, tenant: 'elm' })).json();
    expect(search.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Walker']);
    const fullName = (await t.call('GET', `/api/v1/members?q=${encodeURIComponent('F2 Xu')}`, { token: elm.token, tenant: 'elm' })).json();
    expect(fullName.data).toHaveLength(1);
    const byEmail = (await t.call('GET', '/api/v1/members?q=taylor@elm', { token: elm.token, tenant: 'elm' })).json();
    expect(byEmail.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Taylor']);
    const wildcard = (await t.call('GET', '/api/v1/members?q=%25', { token: elm.token, tenant: 'elm' })).json();
    expect(wildcard.data).toHaveLength(0);

    const renters = (await t.call('GET', '/api/v1/members?type=renter', { token: elm.token, tenant: 'elm' })).json();
    expect(renters.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Underwood', 'Walker', 'Young']);
    const inactive = (await t.call('GET', '/api/v1/members?status=inactive', { token: elm.token, tenant: 'elm' })).json();
    expect(inactive.data).toHaveLength(0);
  });

  it('enforces the plan limit on members with a clear error', async () => {
    const ash = await t.createTenant('ash');
    const admin = await t.platformToken();
    const licence = await t.call('POST', '/control/v1/tenants/ash/licence', { token: admin, body: { limits: { members: 2 } } });
    expect(licence.statusCode).toBe(201);
    for (const name of ['One', 'Two']) {
      expect((await t.call('POST', '/api/v1/members', { token: ash.token, tenant: 'ash', body: member({ lastName: name }) })).statusCode).toBe(201);
    }
    const third = await t.call('POST', '/api/v1/members', { token: ash.token, tenant: 'ash', body: member({ lastName: 'Three' }) });
    expect(third.statusCode).toBe(403);
    expect(third.json()).toMatchObject({ code: 'plan_limit_reached', limit: 2, resource: 'members' });
    const list = (await t.call('GET', '/api/v1/members', { token: ash.token, tenant: 'ash' })).json();
    expect(list.data).toHaveLength(2);
  });

  it('lets concurrent creates not overshoot the plan limit', async () => {
    const fir = await t.createTenant('fir');
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/fir/licence', { token: admin, body: { limits: { members: 3 } } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.call('POST', '/api/v1/members', { token: fir.token, tenant: 'fir', body: member({ lastName: `Racer${i}` }) })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 403)).toHaveLength(5);
  });
});
