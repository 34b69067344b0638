import { defineErrors } from '../kernel/errors.js';

/** The control plane's refusals a client acts on (merged into the catalogue beside the modules'). */
export const controlErrors = defineErrors('control', {
  tenant_status_forbids: { status: 409, title: 'The tenant’s status does not allow this' },
  provisioning_not_failed: { status: 409, title: 'Only a failed provisioning can be retried' },
  unknown_permission: { status: 422, title: 'No such operator permission', description: 'A platform API key names a permission operators do not have; the field error on `permissions` names it' },
  permission_not_held: { status: 403, title: 'You cannot give a permission you do not hold', description: 'A platform API key may have only permissions its operator holds; the field error on `permissions` names those lacking' },
  tenant_archived: { status: 409, title: 'The tenant is archived' },
  invalid_code: { status: 422, title: 'The code is wrong, expired or was already used', description: 'An operator\'s two-step code (from the authenticator app, or a recovery code) is wrong, outside its 30-second window, or was already used; wrong codes are rate-limited like sign-in' },
  invalid_mfa_token: { status: 401, title: 'The two-step sign-in token is not valid', description: 'The `mfaToken` of an operator\'s two-step sign-in is unknown, older than 5 minutes, already used, or ended by 5 wrong codes: sign in with the password again' },
  totp_already_enrolled: { status: 409, title: 'An authenticator app is enrolled already', description: 'The operator has an authenticator app already: turn it off first to enrol another' },
  totp_not_enrolled: { status: 409, title: 'No authenticator app is enrolled', description: 'The operator has no confirmed authenticator app for what the request asks' },
  webhook_endpoint_limit: { status: 422, title: 'The platform has as many webhook endpoints as it may', description: 'The operator has as many webhook endpoints as the platform allows (`limit`): remove one first' },
  webhook_endpoint_disabled: { status: 409, title: 'The webhook endpoint is disabled', description: 'A test message or a redelivery was asked of an operator webhook endpoint that is disabled: enable it first' },
  wrong_password: { status: 422, title: 'The current password is wrong', description: 'An operator changing their password gave a current password that is not theirs; the field error is on `currentPassword`, and the guess counts like a failed sign-in' },
});
