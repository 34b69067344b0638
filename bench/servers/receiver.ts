/**
 * The webhook receiver of the webhooks suite, in a child process of its own (so that neither
 * the load generator nor the server under test shares its event loop): an HTTP server on
 * 127.0.0.1 that answers every POST with 200 at once and records, per request, the
 * `webhook-id`, the time of receipt (epoch milliseconds, sub-millisecond), the event type and
 * occurrence time from the body, the member id of a member event, and whether the signature
 * verifies with the endpoint's secret (the reference `standardwebhooks` package). The path
 * names the endpoint: `/hooks/<key>`; the parent hands over the secrets by key.
 *
 * Protocol (IPC): the child says `{type: 'ready', port}`; the parent sends `{id, op, ...}` and
 * the child answers `{id, result}` or `{id, error}`:
 *   secrets {secrets}   the signing secret of each endpoint key
 *   reset               forget every receipt
 *   count               receipts so far and distinct webhook-ids of member.created
 *   receipts            every receipt, as tuples (see Receipt in bench/lib/receiver.ts)
 *   cpu                 this process's CPU time, in seconds
 *   stop                close and exit
 */
import { createServer, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

type Request = { id: number; op: 'secrets'; secrets: Record<string, string> } | { id: number; op: 'reset' | 'count' | 'receipts' | 'cpu' | 'stop' };

/** [webhook-id, received at (epoch ms), event type, occurred at (epoch ms, or NaN), member id ('' if none), signature verified] */
type Receipt = [string, number, string, number, string, boolean];

const verifiers = new Map<string, Webhook>();
let receipts: Receipt[] = [];
let createdIds = new Set<string>();

const now = () => performance.timeOrigin + performance.now();

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

const server = createServer((req, res) => {
  const receivedAt = now();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    // Answer first: what the sender waits for is the status line.
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    const body = Buffer.concat(chunks).toString('utf8');
    const webhookId = header(req, 'webhook-id');
    let type = '';
    let occurredAt = Number.NaN;
    let memberId = '';
    try {
      const parsed = JSON.parse(body) as { type?: string; timestamp?: string; data?: { id?: unknown } };
      type = parsed.type ?? '';
      occurredAt = parsed.timestamp ? Date.parse(parsed.timestamp) : Number.NaN;
      if (type.startsWith('member.') && typeof parsed.data?.id === 'string') memberId = parsed.data.id;
    } catch {
      // recorded with no type: the parent counts it as unreadable
    }
    let verified = false;
    const key = (req.url ?? '').replace(/^\/hooks\//, '');
    const verifier = verifiers.get(key);
    if (verifier) {
      try {
        verifier.verify(body, { 'webhook-id': webhookId, 'webhook-timestamp': header(req, 'webhook-timestamp'), 'webhook-signature': header(req, 'webhook-signature') }, { jsonParse: false });
        verified = true;
      } catch {
        verified = false;
      }
    }
    receipts.push([webhookId, receivedAt, type, occurredAt, memberId, verified]);
    if (type === 'member.created') createdIds.add(webhookId);
  });
});
server.keepAliveTimeout = 10_000;

const reply = (m: object) => process.send?.(m);

process.on('message', async (m: Request) => {
  try {
    switch (m.op) {
      case 'secrets':
        for (const [key, secret] of Object.entries(m.secrets)) verifiers.set(key, new Webhook(secret));
        return reply({ id: m.id, result: verifiers.size });
      case 'reset':
        receipts = [];
        createdIds = new Set();
        return reply({ id: m.id, result: null });
      case 'count':
        return reply({ id: m.id, result: { receipts: receipts.length, created: createdIds.size } });
      case 'receipts':
        return reply({ id: m.id, result: receipts });
      case 'cpu': {
        const u = process.cpuUsage();
        return reply({ id: m.id, result: (u.user + u.system) / 1e6 });
      }
      case 'stop':
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        reply({ id: m.id, result: null });
        return process.exit(0);
    }
  } catch (error) {
    reply({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The parent died: do not linger.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  reply({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
