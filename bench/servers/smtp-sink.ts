/**
 * The SMTP sink of the communications suite, in a child process of its own (so that neither
 * the load generator nor the server under test shares its event loop): a real SMTP server (the
 * `smtp-server` package, as test/mail-helpers.ts starts one) on 127.0.0.1 that accepts every
 * message and records, per message, the time it was received (end of DATA, epoch milliseconds,
 * sub-millisecond), its envelope recipients, the `X-Courtyard-Kind` header and how long its
 * connection had been open (accepted → end of DATA). smtp-server waits 100 ms after accepting a
 * connection before its greeting (to catch clients that talk too soon; not configurable), so a
 * sender that opens a connection per message spends at least that per message here. Nothing is
 * parsed beyond the header block, and nothing is kept of the body: the sink must keep up with
 * the sender and not hold 20,000 messages in memory.
 *
 * Protocol (IPC), as bench/servers/receiver.ts: the child says `{type: 'ready', port}`; the
 * parent sends `{id, op}` and the child answers `{id, result}` or `{id, error}`:
 *   reset      forget every message
 *   count      messages so far, distinct recipients, connections so far
 *   messages   every message, as tuples (see SinkMessage in bench/lib/smtp-sink.ts)
 *   cpu        this process's CPU time, in seconds
 *   stop       close and exit
 */
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

type Request = { id: number; op: 'reset' | 'count' | 'messages' | 'cpu' | 'stop' };

/** [received at (epoch ms), envelope recipients (lower case), X-Courtyard-Kind ('' if none), bytes, ms since its connection was accepted] */
type Message = [number, string[], string, number, number];

let messages: Message[] = [];
let recipients = new Set<string>();
let connections = 0;
/** When each open connection was accepted, by the client's port. */
const acceptedAt = new Map<number, number>();

const now = () => performance.timeOrigin + performance.now();

/** The value of one header in a raw header block (first occurrence, unfolded enough for a token). */
function headerOf(head: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*([^\\r\\n]*)`, 'im').exec(head);
  return m ? m[1]!.trim() : '';
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  // A reverse DNS lookup of 127.0.0.1 per connection would be the sink's cost, not the sender's.
  disableReverseLookup: true,
  logger: false,
  banner: 'courtyard bench sink',
  onConnect(_session, callback) {
    connections++;
    callback();
  },
  onData(stream, session, callback) {
    let head = '';
    let headDone = false;
    let bytes = 0;
    stream.on('data', (c: Buffer) => {
      bytes += c.length;
      if (headDone) return;
      head += c.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end >= 0) {
        head = head.slice(0, end);
        headDone = true;
      }
    });
    stream.on('end', () => {
      const at = now();
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const accepted = acceptedAt.get(session.remotePort);
      messages.push([at, to, headerOf(head, 'X-Courtyard-Kind'), bytes, accepted === undefined ? Number.NaN : at - accepted]);
      for (const address of to) recipients.add(address);
      callback();
    });
  },
});
server.on('error', (error) => process.stderr.write(`smtp sink: ${String(error)}\n`));
// The listening socket's own connection event: the moment of accept, before smtp-server's delay.
server.server.on('connection', (socket: Socket) => {
  const port = socket.remotePort;
  if (port === undefined) return;
  acceptedAt.set(port, now());
  socket.once('close', () => acceptedAt.delete(port));
});

const reply = (m: object) => process.send?.(m);

process.on('message', async (m: Request) => {
  try {
    switch (m.op) {
      case 'reset':
        messages = [];
        recipients = new Set();
        connections = 0;
        return reply({ id: m.id, result: null });
      case 'count':
        return reply({ id: m.id, result: { messages: messages.length, recipients: recipients.size, connections } });
      case 'messages':
        return reply({ id: m.id, result: messages });
      case 'cpu': {
        const u = process.cpuUsage();
        return reply({ id: m.id, result: (u.user + u.system) / 1e6 });
      }
      case 'stop':
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
  reply({ type: 'ready', port: (server.server.address() as AddressInfo).port });
});
