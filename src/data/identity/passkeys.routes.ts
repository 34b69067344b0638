import type { FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { Type } from 'typebox';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { HttpApp } from '../../kernel/http/app.js';
import { AppError } from '../../kernel/errors.js';
import { deliverTokens } from '../../kernel/http/refresh-cookie.js';
import { IdParams, Timestamp, TokenPair, TokenTransportHeaders, Uuid } from '../../kernel/http/schemas.js';
import { requestTenant } from '../pipeline.js';
import { coreErrors } from './identity.errors.js';
import type { IdentityService } from './identity.service.js';
import type { PasskeysService, RelyingParty } from './passkeys.service.js';
import { userOfMfaToken, type TwoStepService } from './two-step.service.js';

const module = 'core';
const tags = ['identity'];

/**
 * The relying party of a request: its host name is the RP ID, and the origin the browser must
 * have signed is this request's own (scheme, host and port, as the proxy reports them when
 * trusted). The tenant was resolved from the same host (or from `/t/{slug}` on the platform's
 * host), so a page of another site cannot pass for ours: its origin would differ.
 */
export function relyingParty(req: FastifyRequest): RelyingParty {
  const rpId = req.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!rpId || isIP(rpId)) throw new AppError(coreErrors.passkey_unavailable, 'Passkeys work only at a host name, not an IP address: open the workspace at its domain name (for instance http://localhost:<port>/t/<slug>/)');
  return { rpId, origin: new URL(`${req.protocol}://${req.host}`).origin };
}

const Base64Url = (description: string, maxLength = 4096) => Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength, description });
const Extensions = Type.Record(Type.String(), Type.Unknown(), { description: 'The client extension results, as the browser gave them' });
/** What registration and authentication answers share: the credential's id, type and extensions. */
const Credential = {
  id: Base64Url('The credential id', 1024),
  rawId: Base64Url('The credential id', 1024),
  type: Type.Literal('public-key'),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 40 })),
  clientExtensionResults: Extensions,
};
/** `RegistrationResponseJSON` as @simplewebauthn/browser's startRegistration answers it. */
const RegistrationResponse = Type.Unsafe<RegistrationResponseJSON>(
  Type.Object({
    ...Credential,
    response: Type.Object({
      clientDataJSON: Base64Url('The client data the browser made'),
      attestationObject: Base64Url('The attestation object (CBOR)', 16384),
      transports: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
      authenticatorData: Type.Optional(Base64Url('The authenticator data')),
      publicKey: Type.Optional(Base64Url('The public key (SPKI)')),
      publicKeyAlgorithm: Type.Optional(Type.Integer()),
    }, { additionalProperties: false }),
  }, { additionalProperties: false, description: 'What the browser answered `navigator.credentials.create` with, as JSON (`PublicKeyCredential.toJSON()`)' }),
);
/** `AuthenticationResponseJSON` as @simplewebauthn/browser's startAuthentication answers it. */
const AuthenticationResponse = Type.Unsafe<AuthenticationResponseJSON>(
  Type.Object({
    ...Credential,
    response: Type.Object({
      clientDataJSON: Base64Url('The client data the browser made'),
      authenticatorData: Base64Url('The authenticator data'),
      signature: Base64Url('The signature over the authenticator data and the client data hash'),
      userHandle: Type.Optional(Base64Url('The user handle of a discoverable credential', 512)),
    }, { additionalProperties: false }),
  }, { additionalProperties: false, description: 'What the browser answered `navigator.credentials.get` with, as JSON (`PublicKeyCredential.toJSON()`)' }),
);
const CreationOptions = Type.Object({ challenge: Type.String(), rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }) }, { additionalProperties: true, description: 'WebAuthn creation options (`PublicKeyCredentialCreationOptionsJSON`) for `navigator.credentials.create` (@simplewebauthn/browser startRegistration); the challenge is valid 5 minutes, once' });
const RequestOptions = Type.Object({ challenge: Type.String(), rpId: Type.Optional(Type.String()) }, { additionalProperties: true, description: 'WebAuthn request options (`PublicKeyCredentialRequestOptionsJSON`) for `navigator.credentials.get` (@simplewebauthn/browser startAuthentication); the challenge is valid 5 minutes, once' });
const Passkey = Type.Object({
  id: Uuid,
  name: Type.String(),
  transports: Type.Array(Type.String(), { description: 'How the browser reaches the authenticator (internal, usb, hybrid, …)' }),
  deviceType: Type.Union([Type.Literal('singleDevice'), Type.Literal('multiDevice')], { description: '`multiDevice`: a synced passkey' }),
  backedUp: Type.Boolean(),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
});
const MfaToken = Type.String({ minLength: 1, maxLength: 200, description: 'The `mfaToken` the sign-in answered' });
const AccessToken = Type.Object({ accessToken: Type.String(), expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }), tokenType: Type.Literal('Bearer') });

/** Passkeys: the user's own under `/me/passkeys`, passwordless sign-in, the sign-in's second step and step-up with one. */
export function passkeysRoutes(app: HttpApp, passkeys: PasskeysService, twoStep: TwoStepService, identity: IdentityService, refreshTtl: number): void {
  const admitToken = async (req: FastifyRequest & { body: unknown }) => {
    const userId = userOfMfaToken((req.body as { mfaToken: string }).mfaToken);
    if (!userId) throw new AppError(coreErrors.invalid_mfa_token);
    await twoStep.admit(requestTenant(req), req.ip, userId);
  };

  app.get('/me/passkeys', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.passkeys.list', tags, summary: 'Your passkeys, oldest first', response: { 200: Type.Object({ data: Type.Array(Passkey) }) } },
  }, (req) => passkeys.list(req.ctx));

  app.post('/me/passkeys/registration-options', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.passkeys.registrationOptions', tags, summary: 'Start registering a passkey: the options to pass to the browser (a discoverable credential for this host)', response: { 200: CreationOptions } },
  }, (req) => passkeys.registrationOptions(req.ctx, relyingParty(req)));

  app.post('/me/passkeys', {
    config: { access: { module, authenticated: true } },
    schema: {
      operationId: 'me.passkeys.register',
      tags,
      summary: "Register a passkey with the browser's answer to the registration options; it is then a second factor, and signs in without a password",
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A name to tell it apart (default "Passkey")' })), response: RegistrationResponse }, { additionalProperties: false }),
      response: { 201: Passkey },
    },
  }, async (req, reply) => {
    const created = await passkeys.register(req.ctx, relyingParty(req), req.body);
    reply.code(201);
    return created;
  });

  app.delete('/me/passkeys/:id', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.passkeys.remove', tags, summary: 'Remove one of your passkeys; a passkey that is not yours is not found', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await passkeys.remove(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.post('/auth/passkey/options', {
    config: { access: { public: true, module }, problems: [429] },
    schema: { operationId: 'auth.passkey.options', tags, summary: 'Start a passwordless sign-in: options for the browser, which offers the passkeys it holds for this host (no e-mail needed)', response: { 200: RequestOptions } },
    preHandler: async (req) => passkeys.admitSignIn(requestTenant(req), req.ip),
  }, (req) => passkeys.signInOptions(req.ctx, relyingParty(req)));

  app.post('/auth/passkey', {
    config: { access: { public: true, module }, problems: [401, 403, 429] },
    schema: {
      operationId: 'auth.passkey',
      tags,
      summary: "Sign in with a passkey (verified by the user, so two factors at once: amr hwk+user): the browser's answer to the sign-in options, for the token pair",
      headers: TokenTransportHeaders,
      body: Type.Object({ response: AuthenticationResponse }, { additionalProperties: false }),
      response: { 200: TokenPair },
    },
    preHandler: async (req) => passkeys.admitSignIn(requestTenant(req), req.ip),
  }, async (req, reply) => {
    const userId = await passkeys.signIn(req.ctx, relyingParty(req), req.ip, req.body.response);
    return deliverTokens(req, reply, await identity.startSession(req.ctx, userId, ['hwk', 'user']), refreshTtl);
  });

  app.post('/auth/mfa/passkey/options', {
    config: { access: { public: true, module }, problems: [401, 429] },
    schema: { operationId: 'auth.mfa.passkey.options', tags, summary: "The second step of a sign-in with a passkey: options for the browser, listing the user's passkeys", body: Type.Object({ mfaToken: MfaToken }, { additionalProperties: false }), response: { 200: RequestOptions } },
    preHandler: admitToken,
  }, (req) => passkeys.secondStepOptions(req.ctx, relyingParty(req), req.body.mfaToken));

  app.post('/auth/mfa/passkey', {
    config: { access: { public: true, module }, problems: [401, 403, 429] },
    schema: {
      operationId: 'auth.mfa.passkey',
      tags,
      summary: "The second step of a sign-in: the mfaToken and the browser's answer to the passkey options, for the token pair",
      headers: TokenTransportHeaders,
      body: Type.Object({ mfaToken: MfaToken, response: AuthenticationResponse }, { additionalProperties: false }),
      response: { 200: TokenPair },
    },
    preHandler: admitToken,
  }, async (req, reply) => {
    const userId = await passkeys.secondStep(req.ctx, relyingParty(req), req.ip, req.body.mfaToken, req.body.response);
    return deliverTokens(req, reply, await identity.startSession(req.ctx, userId, ['pwd', 'hwk']), refreshTtl);
  });

  app.post('/auth/step-up/passkey/options', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'auth.stepUp.passkey.options', tags, summary: 'Step up with a passkey: options for the browser, listing your passkeys', response: { 200: RequestOptions } },
  }, (req) => passkeys.stepUpOptions(req.ctx, relyingParty(req)));

  app.post('/auth/step-up/passkey', {
    config: { access: { module, authenticated: true }, idempotency: 'status-only' },
    schema: {
      operationId: 'auth.stepUp.passkey',
      tags,
      summary: "Give a second factor now with a passkey: a new access token allowing, for 15 minutes, the actions that need one",
      body: Type.Object({ response: AuthenticationResponse }, { additionalProperties: false }),
      response: { 200: AccessToken },
    },
  }, async (req) => {
    await passkeys.stepUp(req.ctx, relyingParty(req), req.body.response);
    const principal = req.ctx.principal!;
    const access = await identity.accessToken(req.ctx, principal.userId, principal.sessionId);
    return { accessToken: access.token, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  });
}
