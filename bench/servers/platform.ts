/**
 * Server under test: the whole Courtyard, as `courtyard start` builds it (createPlatform with
 * the configuration from the environment), listening on a free port. Started by bench/run.ts
 * with DATABASE_URL, LOG_LEVEL=warn and COURTYARD_DB_POOL_MAX set. With BENCH_WORKERS=true the
 * job workers and the outbox relay run in this process too, exactly as under `courtyard start`;
 * without, the API alone.
 */
import { loadConfig } from '../../src/kernel/config.js';
import { createPlatform } from '../../src/platform.js';
import { failed, ready, serveIpc } from './ipc.js';

try {
  const platform = await createPlatform(loadConfig(), { workers: process.env.BENCH_WORKERS === 'true' });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  serveIpc(() => platform.close());
  const address = platform.app.server.address();
  ready(typeof address === 'object' && address ? address.port : 0);
} catch (error) {
  failed(error);
}
