import { defineModule } from '../../kernel/modules/manifest.js';
import { usageSnapshotJob } from './usage-snapshot.job.js';

/**
 * The `metering` module: the per-tenant tallies that plan limits are checked against, and the
 * usage the data plane reports to the platform (counted events as they happen, levels daily).
 * Always licensed; no routes.
 */
export const meteringModule = defineModule({
  key: 'metering',
  name: 'Metering',
  description: 'What each tenant uses: tallies for the plan limits, and usage reports to the platform.',
  dependencies: [],
  alwaysLicensed: true,
  infrastructure: true,
  permissions: [],
  defaultGrants: {},
  migrations: new URL('./migrations/', import.meta.url),
  jobs: [usageSnapshotJob],
  routes: () => undefined,
});
