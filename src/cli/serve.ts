import { loadConfig } from '../kernel/config.js';
import { createPlatform, type PlatformOptions } from '../platform.js';

/**
 * Starts serving and drains on SIGTERM/SIGINT: stop being ready, keep serving for the drain
 * delay (SIGTERM only: a load balancer needs a probe or two to notice, and a request sent to a
 * closed listener fails), then stop accepting, finish in-flight requests, close pools.
 */
export async function serve(options: PlatformOptions): Promise<void> {
  const config = loadConfig();
  const platform = await createPlatform(config, options);
  const { app, log } = platform;
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log.info({ url, plane: options.plane, database: config.databaseUrl ? 'postgres' : 'pglite' }, 'Courtyard is listening');
  if (platform.generatedAdminPassword) {
    process.stdout.write(
      `\n  Platform administrator created: ${config.adminEmail}\n  Password (shown once): ${platform.generatedAdminPassword}\n  API docs: ${url}/docs\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, delaySeconds: signal === 'SIGTERM' ? config.drainDelay : 0 }, 'draining');
    platform.drain();
    if (signal === 'SIGTERM' && config.drainDelay > 0) await new Promise((resolve) => setTimeout(resolve, config.drainDelay * 1000));
    const timer = setTimeout(() => {
      log.error('drain timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeout * 1000);
    timer.unref();
    try {
      await platform.close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Runs the workers and the relay until SIGTERM/SIGINT, then lets running jobs finish. */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  const platform = await createPlatform(config, { plane: 'control', workers: true });
  platform.log.info('Courtyard workers are running');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.log.info({ signal }, 'draining jobs');
    const timer = setTimeout(() => {
      platform.log.error('drain timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeout * 1000);
    timer.unref();
    await platform.close().then(
      () => {
        platform.log.info('workers stopped');
        process.exit(0);
      },
      (error: unknown) => {
        platform.log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
