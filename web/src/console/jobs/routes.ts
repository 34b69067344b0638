import { notYetRoute } from '../not-yet.js';

/** The console's jobs pages; each loads (as a chunk of its own) when first opened. */
export const jobsRoutes = [notYetRoute('/jobs', 'console.nav.jobs')];
