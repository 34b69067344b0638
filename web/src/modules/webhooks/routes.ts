import { notYetRoute } from '../../workspace/not-yet.js';

/** The webhooks module's pages; each loads (as a chunk of its own) when first opened. */
export const webhooksRoutes = [notYetRoute('/webhooks', 'nav.webhooks')];
