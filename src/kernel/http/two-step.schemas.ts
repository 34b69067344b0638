import { Type } from 'typebox';
import { Timestamp } from './schemas.js';

/** The shapes of two-step sign-in that both planes' routes speak (tenants' users and platform operators). */
export const Code = Type.String({ minLength: 6, maxLength: 20, description: 'The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once)' });
export const MfaToken = Type.String({ minLength: 1, maxLength: 200, description: 'The `mfaToken` the sign-in answered: valid 5 minutes, once, and for 5 wrong codes at most' });
export const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });
export const RecoveryCodes = Type.Array(Type.String(), { description: 'Ten single-use recovery codes, shown this once: each signs in (or steps up) in place of a code when the authenticator is lost' });
export const Enrolment = Type.Object({
  secret: Type.String({ description: 'The TOTP secret (base32), to type into the authenticator app' }),
  otpauthUri: Type.String({ description: 'The same as an `otpauth://totp/...` URI (what a QR code holds)' }),
});
const statusFields = (required: string) => ({
  totp: Type.Object({ enrolled: Type.Boolean(), pending: Type.Boolean({ description: 'Enrolment started, not confirmed with a code yet' }), confirmedAt: Type.Union([Timestamp, Type.Null()]) }),
  recoveryCodesRemaining: Type.Integer(),
  required: Type.Boolean({ description: required }),
});
export const twoStepStatus = (required: string) => Type.Object(statusFields(required));
/** The tenants' status also counts passkeys, which are a second step of their own (docs/passkeys.md). */
export const twoStepStatusWithPasskeys = (required: string) =>
  Type.Object({ ...statusFields(required), passkeys: Type.Integer({ description: 'Your passkeys: with one, your sign-in has a second step even without an authenticator app' }) });
/** What a step-up answers: a new access token of the same session. */
export const AccessToken = Type.Object({ accessToken: Type.String(), expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }), tokenType: Type.Literal('Bearer') });
