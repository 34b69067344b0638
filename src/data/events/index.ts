import { defineModule } from '../../kernel/modules/manifest.js';

/** The `events` module: the tenant schema's outbox. Always licensed; no routes of its own yet. */
export const eventsModule = defineModule({
  key: 'events',
  name: 'Events',
  description: 'Domain events: the transactional outbox every module writes to.',
  dependencies: [],
  alwaysLicensed: true,
  infrastructure: true,
  permissions: [],
  defaultGrants: {},
  migrations: new URL('./migrations/', import.meta.url),
  routes: () => undefined,
});
