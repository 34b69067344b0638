import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One message the SMTP sink accepted (see bench/servers/smtp-sink.ts). */
export interface SinkMessage {
  /** Epoch milliseconds, sub-millisecond, on the sink's clock (the machine's): end of DATA. */
  receivedAt: number;
  /** Envelope recipients (RCPT TO), lower case. */
  to: string[];
  /** The message's `X-Courtyard-Kind` header ('' when it has none). */
  kind: string;
  bytes: number;
  /** From the sink accepting the message's connection to the end of its DATA, ms (NaN if unknown). */
  connectionMs: number;
}

export interface SmtpSink {
  port: number;
  pid: number;
  /** `smtp://127.0.0.1:<port>`: the server's SMTP_URL. */
  url: string;
  reset(): Promise<void>;
  /** Messages so far, distinct envelope recipients among them, SMTP connections so far. */
  count(): Promise<{ messages: number; recipients: number; connections: number }>;
  messages(): Promise<SinkMessage[]>;
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

type Answer = { type: 'ready'; port: number } | { id: number; result?: unknown; error?: string };

/** Starts the SMTP sink in a child process on 127.0.0.1 (a free port); as bench/lib/receiver.ts does the webhook receiver. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const script = fileURLToPath(new URL('../servers/smtp-sink.ts', import.meta.url));
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the SMTP sink did not start within 30 s')), 30_000);
    child.on('message', (m: Answer) => {
      if ('type' in m && m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the SMTP sink exited with ${code} before it was ready`));
    });
  });

  let nextId = 1;
  const ask = <T>(op: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`the SMTP sink did not answer ${op}`)), 30_000);
      const onMessage = (m: Answer) => {
        if (!('id' in m) || m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve(m.result as T);
      };
      child.on('message', onMessage);
      child.send({ id, op });
    });

  return {
    port,
    pid: child.pid!,
    url: `smtp://127.0.0.1:${port}`,
    reset: async () => void (await ask('reset')),
    count: () => ask('count'),
    messages: async () => (await ask<[number, string[], string, number, number | null][]>('messages')).map(([receivedAt, to, kind, bytes, connectionMs]) => ({ receivedAt, to, kind, bytes, connectionMs: connectionMs ?? Number.NaN })),
    cpuSeconds: () => ask('cpu'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await ask('stop').catch(() => child.kill('SIGTERM'));
      await exited;
      clearTimeout(timer);
    },
  };
}
