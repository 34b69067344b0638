import type { Principal } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import { permissionOf, type RouteAccess } from '../kernel/http/access.js';
import { STEP_UP_SECONDS, steppedUpRecently } from '../kernel/security/step-up.js';
import type { AccessClaims } from '../kernel/security/tokens.js';

/**
 * The step-up gate, after the permission gate: a route whose permission is marked `stepUp` in
 * its module's manifest needs an access token whose session gave a second factor within
 * STEP_UP_SECONDS of `now` (its `mfa_time` claim). A principal admitted by the route's `own`
 * permission instead is not asked: the flag is on the permission, not the route. A principal
 * without access-token claims (no signed-in session) is refused: it cannot give a second factor.
 */
export function checkStepUp(stepUp: ReadonlySet<string>, access: RouteAccess, principal: Principal, claims: AccessClaims | null, now: Date): void {
  const permission = permissionOf(access);
  if (!permission || !stepUp.has(permission) || !principal.permissions.has(permission)) return;
  if (!claims) throw new AppError('mfa_required', 'This action needs a signed-in user who gave a second factor within the last 15 minutes');
  if (steppedUpRecently(claims, now)) return;
  throw new AppError(
    'mfa_required',
    claims.mfa_enrolled
      ? `This needs a second factor given within the last ${STEP_UP_SECONDS / 60} minutes: POST /api/v1/auth/step-up with a code from your authenticator app (or POST /api/v1/auth/step-up/passkey with a passkey), then use the access token it answers`
      : 'This needs a second factor, and you have no authenticator app nor passkey: enrol one (POST /api/v1/me/mfa/totp, then confirm it; or register a passkey), then POST /api/v1/auth/step-up with a code',
  );
}
