import { defineErrors } from '../../kernel/errors.js';

export const coreErrors = defineErrors('core', {
  user_has_password: { status: 409, title: 'The user has a password already: there is nothing to invite them to' },
  user_disabled: { status: 409, title: 'The user is disabled' },
  wrong_password: { status: 422, title: 'The current password is wrong' },
  unknown_permission: { status: 422, title: 'No such permission', description: 'An API key or a custom role names a permission that no installed module declares; the field error on `permissions` names it' },
  permission_not_held: { status: 403, title: 'You cannot give a permission you do not hold', description: 'An API key, a custom role or a role given to a user may have only permissions its giver holds now (and a role must hide the member fields hidden from its giver); the field errors name what the giver lacks' },
  system_role_immutable: { status: 409, title: 'System roles cannot be changed or deleted', description: 'The four system roles (owner, manager, staff, member) follow the installed modules\' default grants; make a custom role instead' },
  role_key_taken: { status: 409, title: 'The tenant has a role with this key already' },
  role_in_use: { status: 409, title: 'Users still hold this role', description: 'A custom role is deleted only when no user holds it: take it from them first (`users` in the problem says how many)' },
  own_access: { status: 409, title: 'You cannot disable yourself or give up your own owner role' },
  invalid_code: { status: 422, title: 'The code is wrong, expired or was already used', description: 'A two-step sign-in code (from the authenticator app, or a recovery code) is wrong, outside its 30-second window, or was already used; wrong codes are rate-limited like sign-in' },
  invalid_mfa_token: { status: 401, title: 'The two-step sign-in token is not valid', description: 'The `mfaToken` of a two-step sign-in is unknown, older than 5 minutes, already used, or ended by 5 wrong codes: sign in with the password again' },
  totp_already_enrolled: { status: 409, title: 'An authenticator app is enrolled already', description: 'An authenticator app is enrolled already: turn it off first to enrol another' },
  totp_not_enrolled: { status: 409, title: 'No authenticator app is enrolled', description: 'No authenticator app is enrolled (or its enrolment is not confirmed yet) for what the request asks' },
  sso_required: { status: 403, title: 'Addresses of this domain sign in with single sign-on', description: 'The tenant requires single sign-on for the e-mail\'s domain: password sign-in and password reset are refused; `providerId` names the provider to start at GET /auth/sso/{providerId}/start' },
  sso_failed: { status: 401, title: 'Single sign-on failed', description: 'The identity provider\'s answer was refused (state or nonce mismatch, an invalid ID token, an unverified e-mail, no account and no provisioning); the sign-in page is sent `?sso_error=` with the reason' },
  sso_provider_not_found: { status: 404, title: 'No such SSO provider', description: 'The tenant has no single sign-on provider with this id' },
  passkey_verification_failed: { status: 401, title: 'The passkey could not be verified', description: 'A passkey sign-in, second step or step-up was refused: the credential is unknown here (another tenant\'s, another user\'s or removed), its signature, origin or relying party is wrong, its challenge expired or was already answered, or its signature counter went back (a cloned authenticator)' },
  passkey_registration_failed: { status: 422, title: 'The passkey could not be registered', description: 'The browser\'s answer to the registration options did not verify: wrong origin or relying party, an expired or already used challenge, or a malformed attestation' },
  passkey_already_registered: { status: 409, title: 'This passkey is registered already', description: 'The credential is registered already in this workspace' },
  passkey_unavailable: { status: 409, title: 'Passkeys need a domain name', description: 'WebAuthn binds a passkey to a domain name: open the workspace at its host name (not an IP address) to register or use one' },
});
