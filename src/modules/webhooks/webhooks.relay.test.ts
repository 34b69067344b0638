import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPlatform, type TestPlatform, type TestTenant } from '../../../test/helpers.js';

/**
 * End to end through the real outbox, relay, pg-boss queue and workers: a change to a member
 * reaches a local receiver as a signed webhook, and a failed attempt is retried by a job the
 * queue starts after the scheduled delay.
 */

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let port: number;
const hits: Hit[] = [];
let t: TestPlatform;
let oak: TestTenant;

interface Delivery {
  id: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string;
  attempts: { attemptedAt: string }[];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/fail') res.writeHead(500).end('down');
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  t = await startPlatform({ config: { webhooksAllowPrivate: true }, platform: { workers: true } });
  oak = await t.createTenant('oak');
});
afterAll(async () => {
  await t?.close();
  server?.closeAllConnections();
  server?.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => t.call(method, `/api/v1${url}`, { token: oak.token, tenant: 'oak', ...(body !== undefined ? { body } : {}) });

describe('webhooks through the relay and the queue', () => {
  it('delivers a member change to the receiver, signed, and shows it in the delivery history', async () => {
    const endpoint = (await call('POST', '/webhooks/endpoints', { url: `http://127.0.0.1:${port}/ok`, events: ['member.created'] })).json();
    const member = await call('POST', '/members', { firstName: 'Grace', lastName: 'Hopper', type: 'owner' });
    expect(member.statusCode).toBe(201);

    const received = await eventually(() => hits.filter((h) => h.path === '/ok'), (h) => h.length > 0);
    expect(received).toHaveLength(1);
    const payload = new Webhook(endpoint.secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: 'member.created', data: { id: member.json().id, firstName: 'Grace' } });

    const history = await eventually(async () => (await call('GET', `/webhooks/endpoints/${endpoint.id}/deliveries`)).json().data, (d: Delivery[]) => d[0]?.status === 'succeeded');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ eventType: 'member.created', status: 'succeeded', attemptCount: 1, lastStatusCode: 204, eventId: received[0]!.headers['webhook-id'] });

    // A test message and a manual retry go through the outbox and the queue as well.
    expect((await call('POST', `/webhooks/endpoints/${endpoint.id}/test`)).statusCode).toBe(202);
    await eventually(() => hits.filter((h) => h.path === '/ok'), (h) => h.length === 2);
    expect(JSON.parse(hits.filter((h) => h.path === '/ok')[1]!.body).type).toBe('webhook.test');
    expect((await call('POST', `/webhooks/deliveries/${history[0]!.id}/retry`)).statusCode).toBe(202);
    const replayed = await eventually(() => hits.filter((h) => h.path === '/ok'), (h) => h.length === 3);
    expect(replayed[2]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
    await new Promise((r) => setTimeout(r, 500));
    expect(hits.filter((h) => h.path === '/ok')).toHaveLength(3);
  });

  it('retries a failed delivery with a job that starts after the scheduled delay', async () => {
    const endpoint = (await call('POST', '/webhooks/endpoints', { url: `http://127.0.0.1:${port}/fail`, events: ['member.updated'] })).json();
    const member = (await call('POST', '/members', { firstName: 'Alan', lastName: 'Turing', type: 'owner' })).json();
    await call('PATCH', `/members/${member.id}`, { notes: 'Changed' });

    const first = await eventually(async () => (await call('GET', `/webhooks/endpoints/${endpoint.id}/deliveries`)).json().data, (d: Delivery[]) => d[0]?.attemptCount === 1);
    expect(first[0]).toMatchObject({ status: 'pending', lastStatusCode: 500, lastResponseBody: 'down' });
    const planned = new Date(first[0]!.nextAttemptAt).getTime() - new Date(first[0]!.attempts[0]!.attemptedAt).getTime();
    expect(planned).toBeGreaterThanOrEqual(4_500);
    expect(planned).toBeLessThanOrEqual(5_500);

    const second = await eventually(async () => (await call('GET', `/webhooks/endpoints/${endpoint.id}/deliveries`)).json().data, (d: Delivery[]) => d[0]?.attemptCount === 2, 25_000);
    const [a1, a2] = second[0]!.attempts.map((a) => new Date(a.attemptedAt).getTime()) as [number, number];
    expect(a2 - a1).toBeGreaterThanOrEqual(4_500);
    expect(hits.filter((h) => h.path === '/fail')).toHaveLength(2);
    await call('PATCH', `/webhooks/endpoints/${endpoint.id}`, { enabled: false });
  });
});
