import common from './es.json';
import { portalEs } from './portal.es.js';
import type { en } from './catalogue.js';
import { staffEs } from './staff.es.js';

/** The Spanish catalogue: each area's `es.json` beside its `en.json`, the same ids (catalogue.test.ts checks it). The pages load it in the same parts as the English one. */
export const es = { ...common, ...staffEs, ...portalEs } satisfies Record<keyof typeof en, string>;
