import { notYetRoute } from '../../workspace/not-yet.js';

/** The users module's pages; each loads (as a chunk of its own) when first opened. */
export const usersRoutes = [notYetRoute('/users', 'nav.users')];
