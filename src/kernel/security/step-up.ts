import type { AccessClaims } from './tokens.js';

/** How long a second factor allows the actions that need one (both planes). */
export const STEP_UP_SECONDS = 15 * 60;

/** Whether the access token's session gave a second factor within STEP_UP_SECONDS of `now` (its `mfa_time` claim). */
export const steppedUpRecently = (claims: AccessClaims, now: Date): boolean => claims.mfa_time !== undefined && now.getTime() / 1000 - claims.mfa_time <= STEP_UP_SECONDS;
