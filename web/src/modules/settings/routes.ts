import { notYetRoute } from '../../workspace/not-yet.js';

/** The settings module's pages; each loads (as a chunk of its own) when first opened. */
export const settingsRoutes = [notYetRoute('/settings', 'nav.settings')];
