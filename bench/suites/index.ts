import type { Suite } from '../lib/types.js';
import { billingSuite } from './billing.js';
import { communicationsSuite } from './communications.js';
import { documentsSuite } from './documents.js';
import { estateSuite } from './estate.js';
import { financeSuite } from './finance.js';
import { footprintSuite } from './footprint.js';
import { membersSuite } from './members.js';
import { membersTenantsSuite } from './members.tenants.js';
import { objectsSuite } from './objects.js';
import { portalSuite } from './portal.js';
import { webhooksSuite } from './webhooks.js';
import { webSuite } from './web.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySuite = Suite<any>;

/**
 * Every benchmark suite `npm run bench` knows, by name (`npm run bench -- --suite NAME`).
 * Plain `npm run bench` runs all of them, in this order, each on a fresh database. A new
 * suite (rent roll, billing run) is a file in this folder that exports a Suite — seed,
 * scenarios, ratios — added here.
 */
export const suites: Record<string, AnySuite> = {
  members: membersSuite,
  tenants: membersTenantsSuite,
  webhooks: webhooksSuite,
  estate: estateSuite,
  finance: financeSuite,
  web: webSuite,
  portal: portalSuite,
  documents: documentsSuite,
  communications: communicationsSuite,
  billing: billingSuite,
  objects: objectsSuite,
  footprint: footprintSuite,
};
