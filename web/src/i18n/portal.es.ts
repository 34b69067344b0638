import portal from '../portal/es.json';
import security from '../ui/account/es.json';

/** The portal's messages in Spanish: its own, and the two-step and passkeys parts it shares with the workspace's account pages. */
export const portalEs = { ...portal, ...security };
