import { defineErrors } from '../../kernel/errors.js';

export const coreErrors = defineErrors('core', {
  user_has_password: { status: 409, title: 'The user has a password already: there is nothing to invite them to' },
  user_disabled: { status: 409, title: 'The user is disabled' },
  wrong_password: { status: 422, title: 'The current password is wrong' },
  unknown_permission: { status: 422, title: 'No such permission', description: 'An API key names a permission that no installed module declares; the field error on `permissions` names it' },
  permission_not_held: { status: 403, title: 'You cannot give a permission you do not hold', description: 'An API key may have only permissions its creator holds now; the field error on `permissions` names those the creator lacks' },
  own_access: { status: 409, title: 'You cannot disable yourself or give up your own owner role' },
  invalid_code: { status: 422, title: 'The code is wrong, expired or was already used', description: 'A two-step sign-in code (from the authenticator app, or a recovery code) is wrong, outside its 30-second window, or was already used; wrong codes are rate-limited like sign-in' },
  invalid_mfa_token: { status: 401, title: 'The two-step sign-in token is not valid', description: 'The `mfaToken` of a two-step sign-in is unknown, older than 5 minutes, already used, or ended by 5 wrong codes: sign in with the password again' },
  totp_already_enrolled: { status: 409, title: 'An authenticator app is enrolled already', description: 'An authenticator app is enrolled already: turn it off first to enrol another' },
  totp_not_enrolled: { status: 409, title: 'No authenticator app is enrolled', description: 'No authenticator app is enrolled (or its enrolment is not confirmed yet) for what the request asks' },
  passkey_verification_failed: { status: 401, title: 'The passkey could not be verified', description: 'A passkey sign-in, second step or step-up was refused: the credential is unknown here (another tenant\'s, another user\'s or removed), its signature, origin or relying party is wrong, its challenge expired or was already answered, or its signature counter went back (a cloned authenticator)' },
  passkey_registration_failed: { status: 422, title: 'The passkey could not be registered', description: 'The browser\'s answer to the registration options did not verify: wrong origin or relying party, an expired or already used challenge, or a malformed attestation' },
  passkey_already_registered: { status: 409, title: 'This passkey is registered already', description: 'The credential is registered already in this workspace' },
  passkey_unavailable: { status: 409, title: 'Passkeys need a domain name', description: 'WebAuthn binds a passkey to a domain name: open the workspace at its host name (not an IP address) to register or use one' },
});
