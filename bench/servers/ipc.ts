/**
 * The small protocol between the benchmark (parent) and a server under test (child process):
 * the child says `ready` with its port, answers `cpu` with its CPU time, profiles its CPU
 * between `profile-start` and `profile-stop` (the measured window only, not start-up and
 * warm-up), and exits on `stop`.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

export type ToChild = { type: 'cpu' } | { type: 'stop' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };
export type FromChild =
  | { type: 'ready'; port: number }
  | { type: 'cpu'; user: number; system: number }
  | { type: 'profile-started' }
  | { type: 'profile-written'; file: string }
  | { type: 'failed'; error: string };

export function serveIpc(stop: () => Promise<void>): void {
  const send = (m: FromChild) => process.send?.(m);
  let session: Session | undefined;
  process.on('message', async (m: ToChild) => {
    try {
      if (m.type === 'cpu') {
        const u = process.cpuUsage();
        send({ type: 'cpu', user: u.user, system: u.system });
      } else if (m.type === 'profile-start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
        send({ type: 'profile-started' });
      } else if (m.type === 'profile-stop') {
        const { profile } = await session!.post('Profiler.stop');
        session!.disconnect();
        await writeFile(m.file, JSON.stringify(profile));
        send({ type: 'profile-written', file: m.file });
      } else if (m.type === 'stop') {
        await stop();
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (m.type === 'stop') process.exit(1);
    }
  });
  // The parent died: do not linger.
  process.on('disconnect', () => process.exit(0));
}

export function ready(port: number): void {
  process.send?.({ type: 'ready', port } satisfies FromChild);
}

export function failed(error: unknown): never {
  process.send?.({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromChild);
  process.exit(1);
}
