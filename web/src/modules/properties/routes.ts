import { notYetRoute } from '../../workspace/not-yet.js';

/** The properties module's pages; each loads (as a chunk of its own) when first opened. */
export const propertiesRoutes = [notYetRoute('/properties', 'nav.properties')];
