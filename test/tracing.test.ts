import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/kernel/config.js';
import { currentTraceparent, startTracing, withSpan } from '../src/kernel/observability/tracing.js';
import { eventually, freePort, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

/**
 * Tracing end to end: a platform configured with an OTLP endpoint sends its spans to a real
 * OTLP/HTTP receiver (this test's, JSON encoding), and one trace follows a request that
 * creates a member through its tenant transaction, the outbox, the relay and the jobs to the
 * webhook delivery it causes.
 */

type OtlpValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean };
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
}
interface Exported {
  headers: IncomingHttpHeaders;
  body: { resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
}

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

const value = (v: OtlpValue | undefined) => (v?.intValue !== undefined ? Number(v.intValue) : (v?.stringValue ?? v?.boolValue));
const attrs = (list: { key: string; value: OtlpValue }[]) => Object.fromEntries(list.map((a) => [a.key, value(a.value)]));

let server: Server;
let port: number;
const exports: Exported[] = [];
const webhooks: string[] = [];
let t: TestPlatform | undefined;
let oak: TestTenant;

beforeAll(async () => {
  port = await freePort();
  // One server plays the OTLP collector (POST /v1/traces) and the webhook receiver (POST /hook).
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/v1/traces') {
        exports.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        webhooks.push(body);
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t = await startPlatform({
    config: { webhooksAllowPrivate: true, otlpEndpoint: `http://127.0.0.1:${port}`, otlpProtocol: 'http/json', otlpHeaders: { authorization: 'Bearer collector-token' }, serviceName: 'courtyard-test' },
    platform: { workers: true },
  });
  oak = await t.createTenant('oak');
});
afterAll(async () => {
  await t?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('tracing', () => {
  it('exports one trace from a request through its transaction and the jobs it causes to the webhook delivery', async () => {
    const api = (method: 'POST', url: string, body: unknown) => t!.call(method, `/api/v1${url}`, { token: oak.token, tenant: 'oak', body });
    const endpoint = (await api('POST', '/webhooks/endpoints', { url: `http://127.0.0.1:${port}/hook`, events: ['member.created'] })).json();
    const created = await api('POST', '/members', { firstName: 'Grace', lastName: 'Hopper', type: 'owner' });
    expect(created.statusCode).toBe(201);
    const requestId = created.headers['x-request-id'];
    expect(await eventually(() => webhooks.length, (n) => n > 0)).toBe(1);

    // Closing flushes: it waits for running jobs, then exports every buffered span.
    await t!.close();
    t = undefined;

    expect(exports.length).toBeGreaterThan(0);
    expect(exports[0]!.headers.authorization).toBe('Bearer collector-token');
    expect(attrs(exports[0]!.body.resourceSpans[0]!.resource.attributes)['service.name']).toBe('courtyard-test');
    const spans = exports.flatMap((e) => e.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));

    const request = spans.find((s) => s.kind === SERVER && attrs(s.attributes)['courtyard.request.id'] === requestId)!;
    expect(request.name).toBe('POST /api/v1/members');
    expect(attrs(request.attributes)).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/v1/members', 'http.response.status_code': 201, 'courtyard.tenant.id': oak.id, 'courtyard.tenant.slug': 'oak' });

    const trace = spans.filter((s) => s.traceId === request.traceId);
    const transactions = trace.filter((s) => s.name === 'tenant transaction' && s.parentSpanId === request.spanId);
    expect(transactions.length).toBeGreaterThan(0);
    for (const tx of transactions) expect(attrs(tx.attributes)).toMatchObject({ 'courtyard.tenant.id': oak.id, 'db.system.name': 'postgresql' });

    // The fan-out job continues the request's trace (through the outbox row), and the delivery job the fan-out's.
    const fanOut = trace.find((s) => s.name === 'process event.webhooks.fan-out')!;
    expect(fanOut.kind).toBe(CONSUMER);
    expect(attrs(fanOut.attributes)['courtyard.tenant.id']).toBe(oak.id);
    expect(transactions.map((s) => s.spanId)).toContain(fanOut.parentSpanId);
    const deliverJob = trace.find((s) => s.name === 'process webhooks.deliver')!;
    expect(deliverJob.parentSpanId).toBe(fanOut.spanId);

    const delivery = trace.find((s) => s.name === 'webhook delivery')!;
    expect(delivery.parentSpanId).toBe(deliverJob.spanId);
    expect(attrs(delivery.attributes)).toMatchObject({ 'courtyard.tenant.id': oak.id, 'courtyard.webhook.endpoint_id': endpoint.id, 'courtyard.webhook.attempt': 1, 'http.response.status_code': 204 });
    const post = trace.find((s) => s.kind === CLIENT && s.parentSpanId === delivery.spanId)!;
    expect(attrs(post.attributes)).toMatchObject({ 'http.request.method': 'POST', 'server.address': '127.0.0.1', 'server.port': port, 'http.response.status_code': 204 });
  });
});

/** The fields of a protobuf message (wire format): numbers to their values, repeated fields in order. Enough to read span names and ids. */
function protobufFields(buf: Buffer): Map<number, (Buffer | number)[]> {
  const fields = new Map<number, (Buffer | number)[]>();
  let at = 0;
  const varint = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buf[at++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    let v: Buffer | number;
    if (wire === 0) v = varint();
    else if (wire === 1) v = buf.subarray(at, (at += 8));
    else if (wire === 5) v = buf.subarray(at, (at += 4));
    else {
      const length = varint();
      v = buf.subarray(at, (at += length));
    }
    fields.set(field, [...(fields.get(field) ?? []), v]);
  }
  return fields;
}

describe('tracing over OTLP/HTTP protobuf, the specification\'s default encoding', () => {
  it('sends spans with their names and parents to /v1/traces under the endpoint', async () => {
    const received: { path: string; type: string | undefined; body: Buffer }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'], body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    const collectorPort = await freePort();
    await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
    try {
      const tracing = await startTracing({ otlpEndpoint: `http://127.0.0.1:${collectorPort}/`, otlpTracesEndpoint: undefined, otlpProtocol: 'http/protobuf', otlpHeaders: undefined, serviceName: 'courtyard' });
      const traceparent = await withSpan('outer', {}, () => withSpan('inner', {}, async () => currentTraceparent()));
      await tracing.stop();

      expect(received.map((r) => [r.path, r.type])).toEqual([['/v1/traces', 'application/x-protobuf']]);
      // ExportTraceServiceRequest → ResourceSpans (1) → ScopeSpans (2) → Span (2): trace_id 1, span_id 2, parent_span_id 4, name 5.
      const spans = protobufFields(received[0]!.body).get(1)!.flatMap((rs) => protobufFields(rs as Buffer).get(2)!.flatMap((ss) => protobufFields(ss as Buffer).get(2)!)).map((s) => protobufFields(s as Buffer));
      const hex = (f: Map<number, (Buffer | number)[]>, n: number) => (f.get(n)?.[0] as Buffer | undefined)?.toString('hex');
      const byName = new Map(spans.map((f) => [(f.get(5)![0] as Buffer).toString('utf8'), f]));
      const [outer, inner] = [byName.get('outer')!, byName.get('inner')!];
      expect(hex(inner, 4)).toBe(hex(outer, 2));
      expect(hex(inner, 1)).toBe(hex(outer, 1));
      expect(traceparent).toBe(`00-${hex(inner, 1)}-${hex(inner, 2)}-01`);
    } finally {
      collector.close();
    }
  });
});

describe('tracing configuration', () => {
  it('reads OTLP headers as URL-encoded key=value pairs', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc, x-team=courtyard' }).otlpHeaders).toEqual({ authorization: 'Bearer abc', 'x-team': 'courtyard' });
  });

  it('refuses malformed headers naming the variable, without repeating a value that may be a secret', () => {
    const attempt = () => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'a=b,secret-token-without-key' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^OTEL_EXPORTER_OTLP_HEADERS: .*pair 2/);
    expect(attempt).not.toThrow(/secret-token/);
  });

  it('offers only the OTLP protocols it can send', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
  });
});
