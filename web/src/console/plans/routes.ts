import { notYetRoute } from '../not-yet.js';

/** The console's plans pages; each loads (as a chunk of its own) when first opened. */
export const plansRoutes = [notYetRoute('/plans', 'console.nav.plans')];
