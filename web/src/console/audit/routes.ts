import { notYetRoute } from '../not-yet.js';

/** The console's audit pages; each loads (as a chunk of its own) when first opened. */
export const auditRoutes = [notYetRoute('/audit', 'console.nav.audit')];
