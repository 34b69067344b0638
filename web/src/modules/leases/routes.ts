import { notYetRoute } from '../../workspace/not-yet.js';

/** The leases module's pages; each loads (as a chunk of its own) when first opened. */
export const leasesRoutes = [notYetRoute('/leases', 'nav.leases')];
