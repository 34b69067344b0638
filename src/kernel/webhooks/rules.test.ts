import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchesPattern } from './patterns.js';
import { DISABLE_AFTER_FAILING_MS, MAX_ATTEMPTS, outcomeOf, parseRetryAfter, retryDelay, RETRY_SCHEDULE_MS } from './schedule.js';
import { newSecret, sign, signingSecrets, webhookHeaders } from './signing.js';
import { classifyAddress, guardedLookup, resolvePublic } from './ssrf.js';

const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;

/** standardwebhooks checks the timestamp against the system clock: verify as of `now`. */
function verifyAt(now: Date, secret: string, body: string, headers: Record<string, string>) {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return new Webhook(secret).verify(body, headers);
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe('webhook signatures', () => {
  it('makes secrets of 24+ random bytes that the reference standardwebhooks package accepts', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(newSecret()).not.toBe(secret);
    const body = JSON.stringify({ type: 'member.created', timestamp: T0.toISOString(), data: { id: 'm1' } });
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretExpiresAt: null }, 'msg_1', T0, body);
    expect(headers['webhook-timestamp']).toBe(String(T0.getTime() / 1000));
    expect(verifyAt(T0, secret, body, headers)).toEqual(JSON.parse(body));
    // Our signature is the reference implementation's, byte for byte.
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('msg_1', T0, body));
  });

  it('is refused by the reference package when the body, id or secret differ', () => {
    const secret = newSecret();
    const body = '{"type":"member.created"}';
    const headers = webhookHeaders({ secret, previousSecret: null, previousSecretExpiresAt: null }, 'msg_2', T0, body);
    expect(() => verifyAt(T0, secret, `${body} `, headers)).toThrow();
    expect(() => verifyAt(T0, secret, body, { ...headers, 'webhook-id': 'msg_3' })).toThrow();
    expect(() => verifyAt(T0, newSecret(), body, headers)).toThrow();
  });

  it('signs with the old secret too for 24 hours after a rotation, and with the new one alone after', () => {
    const [oldSecret, newOne] = [newSecret(), newSecret()];
    const keys = { secret: newOne, previousSecret: oldSecret, previousSecretExpiresAt: at(24 * HOUR) };
    const body = '{"type":"webhook.test"}';

    const during = at(23 * HOUR);
    expect(signingSecrets(keys, during)).toEqual([newOne, oldSecret]);
    const both = webhookHeaders(keys, 'msg_4', during, body);
    expect(both['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyAt(during, oldSecret, body, both)).toEqual({ type: 'webhook.test' });
    expect(verifyAt(during, newOne, body, both)).toEqual({ type: 'webhook.test' });

    const after = at(24 * HOUR + 1);
    const one = webhookHeaders(keys, 'msg_5', after, body);
    expect(one['webhook-signature'].split(' ')).toHaveLength(1);
    expect(verifyAt(after, newOne, body, one)).toEqual({ type: 'webhook.test' });
    expect(() => verifyAt(after, oldSecret, body, one)).toThrow();
  });

  it('signs "{id}.{timestamp}.{body}" with HMAC-SHA256 under the decoded secret', () => {
    // The example of the Standard Webhooks specification.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h between the 8 attempts, then gives up', () => {
    const middle = () => 0.5;
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelay(i + 1, middle));
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, null]);
    expect(RETRY_SCHEDULE_MS[0]).toBe(0);
  });

  it('moves each delay by at most 10 % either way', () => {
    expect(retryDelay(1, () => 0)).toBe(4_500);
    expect(retryDelay(1, () => 0.999_999)).toBeCloseTo(5_500, -1);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(4)!;
      expect(d).toBeGreaterThanOrEqual(2 * HOUR * 0.9);
      expect(d).toBeLessThanOrEqual(2 * HOUR * 1.1);
    }
  });

  it('reads Retry-After as seconds or as an HTTP date, capped at a day', () => {
    expect(parseRetryAfter('120', T0)).toBe(120_000);
    expect(parseRetryAfter(at(90_000).toUTCString(), T0)).toBe(90_000);
    expect(parseRetryAfter(at(-90_000).toUTCString(), T0)).toBe(0);
    expect(parseRetryAfter('9999999', T0)).toBe(24 * HOUR);
    for (const v of [undefined, null, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(v, T0)).toBeNull();
  });

  it('succeeds on 2xx only, disables on 410, honours Retry-After and gives up when the schedule is spent', () => {
    const base = { now: T0, failingSince: T0, random: () => 0.5 };
    expect(outcomeOf({ ...base, attempt: 1, statusCode: 204 })).toEqual({ kind: 'succeeded' });
    expect(outcomeOf({ ...base, attempt: 1, statusCode: 301 })).toEqual({ kind: 'retry', at: at(5_000) });
    expect(outcomeOf({ ...base, attempt: 1, statusCode: null })).toEqual({ kind: 'retry', at: at(5_000) });
    expect(outcomeOf({ ...base, attempt: 3, statusCode: 410 })).toEqual({ kind: 'disable_endpoint', reason: 'gone' });
    expect(outcomeOf({ ...base, attempt: 1, statusCode: 429, retryAfter: '600' })).toEqual({ kind: 'retry', at: at(600_000) });
    // Retry-After shorter than the schedule does not bring the attempt forward.
    expect(outcomeOf({ ...base, attempt: 2, statusCode: 503, retryAfter: '1' })).toEqual({ kind: 'retry', at: at(300_000) });
    expect(outcomeOf({ ...base, attempt: 8, statusCode: 500 })).toEqual({ kind: 'give_up' });
  });

  it('disables an endpoint that has failed for 5 days', () => {
    const since = at(-DISABLE_AFTER_FAILING_MS);
    expect(outcomeOf({ attempt: 1, statusCode: 500, now: T0, failingSince: since })).toEqual({ kind: 'disable_endpoint', reason: 'failing' });
    expect(outcomeOf({ attempt: 1, statusCode: 500, now: at(-1), failingSince: since, random: () => 0.5 })).toEqual({ kind: 'retry', at: at(4_999) });
  });
});

describe('event patterns', () => {
  it('matches exact types, prefixes and everything', () => {
    expect(matchesPattern('member.created', 'member.created')).toBe(true);
    expect(matchesPattern('member.created', 'member.updated')).toBe(false);
    expect(matchesPattern('member.*', 'member.updated')).toBe(true);
    expect(matchesPattern('member.*', 'membership.updated')).toBe(false);
    expect(matchesPattern('*', 'webhook_endpoint.disabled')).toBe(true);
  });
});

describe('SSRF address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00:ec2::254', 'metadata'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    // ::ffff:0:0/96 (SIIT, IPv4-translated): judged by the IPv4 address, refused even when it is public.
    ['::ffff:0:10.0.0.1', 'private'],
    ['::ffff:0:a00:1', 'private'],
    ['::FFFF:0:A00:1', 'private'],
    ['0:0:0:0:ffff:0:7f00:1', 'loopback'],
    ['0000:0000:0000:0000:FFFF:0000:0A00:0001', 'private'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:192.168.0.1', 'private'],
    ['::ffff:0:a9fe:a9fe', 'metadata'],
    ['::ffff:0:8.8.8.8', 'reserved'],
    ['::ffff:0:808:808', 'reserved'],
    // 64:ff9b:1::/48 (local-use NAT64): the network's own translator, whatever it embeds.
    ['64:ff9b:1::10.0.0.1', 'reserved'],
    ['64:ff9b:1::a00:1', 'reserved'],
    ['64:FF9B:1::A00:1', 'reserved'],
    ['0064:ff9b:0001:0000:0000:0000:7f00:0001', 'reserved'],
    ['64:ff9b:1:0:0:0:192.168.1.1', 'reserved'],
    ['64:ff9b:1:a9fe:a9fe::', 'reserved'],
    ['64:ff9b:1::8.8.8.8', 'reserved'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', 'reserved'],
  ])('refuses %s as %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.7', '2606:4700:4700::1111', '2a00:1450:4001:81a::200e', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])('allows the public address %s', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('refuses a name if any of its addresses is not public', async () => {
    const resolve = async (host: string) =>
      host === 'mixed.example.test' ? [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }] : [{ address: '93.184.215.14', family: 4 }];
    await expect(resolvePublic('mixed.example.test', resolve)).rejects.toThrow(/10\.0\.0\.5 is a private address/);
    await expect(resolvePublic('public.example.test', resolve)).resolves.toEqual([{ address: '93.184.215.14', family: 4 }]);
    await expect(resolvePublic('localhost')).rejects.toThrow(/loopback/);
  });

  it('hands a connection only the addresses it checked, in the form net asks for', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
    const call = (allowPrivate: boolean, options: object) =>
      new Promise<{ error: Error | null; address: unknown; family?: number }>((done) =>
        guardedLookup({ allowPrivate, resolve })('rebind.example.test', options as never, ((error: Error | null, address: unknown, family?: number) => done({ error, address, family })) as never),
      );
    expect((await call(false, { all: true })).error?.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(await call(true, { all: true })).toMatchObject({ error: null, address: [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }] });
    expect(await call(true, { family: 6 })).toMatchObject({ error: null, address: '::1', family: 6 });
  });
});
