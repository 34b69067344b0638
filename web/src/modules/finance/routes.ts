import { notYetRoute } from '../../workspace/not-yet.js';

/** The finance module's pages; each loads (as a chunk of its own) when first opened. */
export const financeRoutes = [notYetRoute('/finance', 'nav.finance')];
