import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

const member = (overrides: Record<string, unknown> = {}) => ({ firstName: 'Ada', lastName: 'Lovelace', type: 'owner', email: 'Ada@Example.test', phone: '+44 20 7946 0000', ...overrides });

describe('members', () => {
  it('creates, reads, updates and deletes a member', async () => {
    const created = await oak.api('POST', '/members', member());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', type: 'owner', status: 'active', email: 'ada@example.test', notes: '' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await oak.api('GET', `/members/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);

    const updated = await oak.api('PATCH', `/members/${body.id}`, { status: 'inactive', notes: 'Moved abroad', phone: null });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'inactive', notes: 'Moved abroad', phone: null, firstName: 'Ada' });
    expect(new Date(updated.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(body.updatedAt).getTime());

    const deleted = await oak.api('DELETE', `/members/${body.id}`);
    expect(deleted.statusCode).toBe(204);
    const gone = await oak.api('GET', `/members/${body.id}`);
    expectProblem(gone, 404, 'not_found');
    const again = await oak.api('DELETE', `/members/${body.id}`);
    expect(again.statusCode).toBe(404);
  });

  it('refuses invalid input with field errors and writes nothing', async () => {
    const before = await oak.api('GET', '/members?limit=200');
    const res = await oak.api('POST', '/members', { firstName: '', lastName: 'X', type: 'martian', email: 'not-an-email', nickname: 'x' });
    expect(expectProblem(res, 400, 'validation_failed', ['email', 'firstName', 'nickname', 'type']).requestId).toBeTruthy();
    const after = await oak.api('GET', '/members?limit=200');
    expect(after.json().data.length).toBe(before.json().data.length);
  });

  it('refuses an empty patch, a bad id and a bad cursor', async () => {
    const created = (await oak.api('POST', '/members', member({ firstName: 'Patch' }))).json();
    const empty = await oak.api('PATCH', `/members/${created.id}`, {});
    expect(empty.statusCode).toBe(400);
    const badId = await oak.api('GET', '/members/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ field: 'id', in: 'params' });
    const badCursor = await oak.api('GET', '/members?cursor=garbage');
    expectProblem(badCursor, 400, 'invalid_cursor');
  });

  it('pages through members in name order with cursors, and searches and filters them', async () => {
    const elm = await estate(t, { slug: 'elm' });
    const names = ['Zed', 'Young', 'Xu', 'Walker', 'Vance', 'Underwood', 'Taylor'];
    for (const [i, lastName] of names.entries()) {
      const res = await elm.api('POST', '/members', member({ firstName: `F${i}`, lastName, email: `${lastName.toLowerCase()}@elm.test`, type: i % 2 ? 'renter' : 'resident' }));
      expect(res.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await elm.api('GET', url)).json();
      seen.push(...page.data.map((m: { lastName: string }) => m.lastName));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());

    const desc = (await elm.api('GET', '/members?sort=-name&limit=2')).json();
    expect(desc.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Zed', 'Young']);
    const next = (await elm.api('GET', `/members?sort=-name&limit=2&cursor=${desc.nextCursor}`)).json();
    expect(next.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Xu', 'Walker']);

    const byCreated = (await elm.api('GET', '/members?sort=createdAt&limit=4')).json();
    const rest = (await elm.api('GET', `/members?sort=createdAt&limit=4&cursor=${byCreated.nextCursor}`)).json();
    expect([...byCreated.data, ...rest.data].map((m: { lastName: string }) => m.lastName)).toEqual(names);

    const search = (await elm.api('GET', '/members?q=WALK')).json();
    expect(search.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Walker']);
    const fullName = (await elm.api('GET', `/members?q=${encodeURIComponent('F2 Xu')}`)).json();
    expect(fullName.data).toHaveLength(1);
    const byEmail = (await elm.api('GET', '/members?q=taylor@elm')).json();
    expect(byEmail.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Taylor']);
    const wildcard = (await elm.api('GET', '/members?q=%25')).json();
    expect(wildcard.data).toHaveLength(0);

    const renters = (await elm.api('GET', '/members?type=renter')).json();
    expect(renters.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Underwood', 'Walker', 'Young']);
    const inactive = (await elm.api('GET', '/members?status=inactive')).json();
    expect(inactive.data).toHaveLength(0);
  });

  it('counts the members the filters match, for staff only', async () => {
    const yew = await estate(t, { slug: 'yew' });
    expect((await yew.api('GET', '/members/count')).json()).toEqual({ count: 0 });
    const people = [
      { lastName: 'Rowan', type: 'owner', status: 'active' },
      { lastName: 'Hazel', type: 'renter', status: 'active' },
      { lastName: 'Holly', type: 'renter', status: 'former' },
      { lastName: 'Alder', type: 'resident', status: 'prospective' },
    ];
    const ids: string[] = [];
    for (const p of people) ids.push((await ok(yew.api('POST', '/members', member({ ...p, email: `${p.lastName.toLowerCase()}@yew.test` })))).id);
    const count = async (query: string) => {
      const res = await yew.api('GET', `/members/count${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().count;
    };
    expect(await count('')).toBe(4);
    expect(await count('?type=renter')).toBe(2);
    expect(await count('?type=renter&status=active')).toBe(1);
    expect(await count('?status=inactive')).toBe(0);
    expect(await count('?q=ho')).toBe(1);
    // The other tenant's members are not counted, nor this one's in theirs.
    expect((await oak.api('GET', '/members/count?q=yew.test')).json()).toEqual({ count: 0 });
    expectProblem(await yew.api('GET', '/members/count?type=martian'), 400, 'validation_failed', 'type');
    expectProblem(await yew.api('GET', '/members/count?limit=5'), 400, 'validation_failed', 'limit');

    // A portal member sees their own records, never a tenant-wide figure.
    const portal = yew.as(await yew.newPortalUser(ids[0]!));
    expectProblem(await portal.api('GET', '/members/count'), 403, 'permission_denied');
  });

  it('enforces the plan limit on members with a clear error', async () => {
    const ash = await estate(t, { slug: 'ash' });
    const admin = await t.platformToken();
    const licence = await t.call('POST', '/control/v1/tenants/ash/licence', { token: admin, body: { limits: { members: 2 } } });
    expect(licence.statusCode).toBe(201);
    for (const name of ['One', 'Two']) {
      expect((await ash.api('POST', '/members', member({ lastName: name }))).statusCode).toBe(201);
    }
    const third = await ash.api('POST', '/members', member({ lastName: 'Three' }));
    expect(expectProblem(third, 403, 'plan_limit_reached')).toMatchObject({ limit: 2, resource: 'members' });
    const list = (await ash.api('GET', '/members')).json();
    expect(list.data).toHaveLength(2);
    // A refused create leaves no trace, and removing a member makes room for one more.
    expect((await ash.api('DELETE', `/members/${list.data[0].id}`)).statusCode).toBe(204);
    expect((await ash.api('POST', '/members', member({ lastName: 'Four' }))).statusCode).toBe(201);
    expectProblem(await ash.api('POST', '/members', member({ lastName: 'Five' })), 403, 'plan_limit_reached');
    expect((await ash.api('GET', '/members/count')).json().count).toBe(2);
  });

  it('lets concurrent creates not overshoot the plan limit', async () => {
    const fir = await estate(t, { slug: 'fir' });
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/fir/licence', { token: admin, body: { limits: { members: 3 } } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fir.api('POST', '/members', member({ lastName: `Racer${i}` }))),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 403)).toHaveLength(5);
  });
});
