import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One request the receiver got (see bench/servers/receiver.ts). */
export interface Receipt {
  webhookId: string;
  /** Epoch milliseconds, sub-millisecond, on the receiver's clock (the machine's). */
  receivedAt: number;
  type: string;
  /** The event's occurredAt (the body's `timestamp`), epoch milliseconds; NaN if unreadable. */
  occurredAt: number;
  /** The member's id, for member events; '' otherwise. */
  memberId: string;
  /** The signature verified with the endpoint's secret (standardwebhooks). */
  verified: boolean;
}

export interface Receiver {
  port: number;
  pid: number;
  /** `http://127.0.0.1:<port>/hooks/<key>`: the URL of the endpoint named `key`. */
  urlFor(key: string): string;
  setSecrets(secrets: Record<string, string>): Promise<void>;
  reset(): Promise<void>;
  /** Requests so far, and distinct webhook-ids of member.created among them. */
  count(): Promise<{ receipts: number; created: number }>;
  receipts(): Promise<Receipt[]>;
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

type Answer = { type: 'ready'; port: number } | { id: number; result?: unknown; error?: string };

/** Starts the webhook receiver in a child process on 127.0.0.1 (a free port). */
export async function startReceiver(): Promise<Receiver> {
  const script = fileURLToPath(new URL('../servers/receiver.ts', import.meta.url));
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the webhook receiver did not start within 30 s')), 30_000);
    child.on('message', (m: Answer) => {
      if ('type' in m && m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the webhook receiver exited with ${code} before it was ready`));
    });
  });

  let nextId = 1;
  const ask = <T>(op: string, extra: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`the webhook receiver did not answer ${op}`)), 30_000);
      const onMessage = (m: Answer) => {
        if (!('id' in m) || m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve(m.result as T);
      };
      child.on('message', onMessage);
      child.send({ id, op, ...extra });
    });

  return {
    port,
    pid: child.pid!,
    urlFor: (key) => `http://127.0.0.1:${port}/hooks/${key}`,
    setSecrets: async (secrets) => void (await ask('secrets', { secrets })),
    reset: async () => void (await ask('reset')),
    count: () => ask('count'),
    receipts: async () =>
      (await ask<[string, number, string, number | null, string, boolean][]>('receipts')).map(([webhookId, receivedAt, type, occurredAt, memberId, verified]) => ({
        webhookId,
        receivedAt,
        type,
        // JSON carries NaN as null.
        occurredAt: occurredAt ?? Number.NaN,
        memberId,
        verified,
      })),
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
