import portal from '../portal/en.json';
import security from '../ui/account/en.json';

/** The portal's messages: its own, and the two-step and passkeys parts it shares with the workspace's account pages. */
export const portalEn = { ...portal, ...security };
