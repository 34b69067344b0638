import { notYetRoute } from '../../workspace/not-yet.js';

/** The mail module's pages; each loads (as a chunk of its own) when first opened. */
export const mailRoutes = [notYetRoute('/mail', 'nav.mail')];
