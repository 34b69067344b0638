import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { deliverTokens } from '../../kernel/http/refresh-cookie.js';
import { TokenPair, TokenTransportHeaders } from '../../kernel/http/schemas.js';
import { AccessToken, Code, CodeBody, Enrolment, MfaToken, RecoveryCodes, twoStepStatusWithPasskeys } from '../../kernel/http/two-step.schemas.js';
import { AppError } from '../../kernel/errors.js';
import { requestPrincipal, requestTenant } from '../pipeline.js';
import { coreErrors } from './identity.errors.js';
import type { IdentityService } from './identity.service.js';
import { userOfMfaToken, type TwoStepService } from './two-step.service.js';

const module = 'core';
const tags = ['identity'];

export const MfaChallenge = Type.Object({
  mfaRequired: Type.Literal(true),
  mfaToken: Type.String({ description: 'Send it with a code to POST /auth/mfa within 5 minutes' }),
  methods: Type.Array(Type.Union([Type.Literal('totp'), Type.Literal('recovery_code'), Type.Literal('passkey')]), { description: '`passkey`: the second step can be a passkey (POST /auth/mfa/passkey/options, then POST /auth/mfa/passkey)' }),
}, { description: 'The password was right and the user has two-step sign-in: no session yet' });
const Status = twoStepStatusWithPasskeys('The tenant requires two-step sign-in for one of your roles');

/** Two-step sign-in: enrolment under `/me/mfa`, the sign-in's second step and step-up (the tenant's rule is in settings.routes.ts). */
export function twoStepRoutes(app: HttpApp, twoStep: TwoStepService, identity: IdentityService, refreshTtl: number): void {
  const admitCode = async (req: Parameters<typeof requestTenant>[0]) => twoStep.admit(requestTenant(req), req.ip, requestPrincipal(req)!.userId);
  const admitToken = async (req: Parameters<typeof requestTenant>[0] & { body: unknown }) => {
    const userId = userOfMfaToken((req.body as { mfaToken: string }).mfaToken);
    if (!userId) throw new AppError(coreErrors.invalid_mfa_token);
    await twoStep.admit(requestTenant(req), req.ip, userId);
  };

  app.get('/me/mfa', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.mfa.get', tags, summary: 'Your two-step sign-in: whether an authenticator app is enrolled, and how many recovery codes are left', response: { 200: Status } },
  }, (req) => twoStep.status(req.ctx));

  // The secret, the recovery codes and the step-up's token are shown once: an Idempotency-Key
  // retry of these gets the status, never them again.
  app.post('/me/mfa/totp', {
    config: { access: { module, authenticated: true }, idempotency: 'status-only' },
    schema: { operationId: 'me.mfa.totp.enrol', tags, summary: 'Start enrolling an authenticator app: a new secret, pending until a code confirms it', response: { 200: Enrolment } },
  }, (req) => twoStep.enrol(req.ctx, req.ctx.principal!.userId));

  app.post('/me/mfa/totp/confirm', {
    config: { access: { module, authenticated: true }, idempotency: 'status-only', problems: [429] },
    schema: { operationId: 'me.mfa.totp.confirm', tags, summary: 'Confirm the authenticator app with a code from it: two-step sign-in is on; answers the recovery codes, shown once', body: CodeBody, response: { 200: Type.Object({ recoveryCodes: RecoveryCodes }) } },
    preHandler: admitCode,
  }, async (req) => ({ recoveryCodes: await twoStep.confirm(req.ctx, req.ip, req.ctx.principal!.userId, req.body.code) }));

  app.delete('/me/mfa/totp', {
    config: { access: { module, authenticated: true }, problems: [429] },
    schema: { operationId: 'me.mfa.totp.disable', tags, summary: 'Turn two-step sign-in off with a current code or a recovery code (the recovery codes go too)', body: CodeBody, response: { 204: Type.Null() } },
    preHandler: admitCode,
  }, async (req, reply) => {
    await twoStep.disable(req.ctx, req.ip, req.ctx.principal!.userId, req.body.code);
    reply.code(204);
    return null;
  });

  app.post('/auth/mfa/enrol', {
    config: { access: { public: true, module }, problems: [401, 429] },
    schema: { operationId: 'auth.mfa.enrol', tags, summary: 'Enrol an authenticator app with the mfaToken of a sign-in refused with mfa_enrolment_required; then POST /auth/mfa with a code', body: Type.Object({ mfaToken: MfaToken }, { additionalProperties: false }), response: { 200: Enrolment } },
    preHandler: admitToken,
  }, (req) => twoStep.enrolWithToken(req.ctx, req.body.mfaToken));

  app.post('/auth/mfa', {
    config: { access: { public: true, module }, problems: [401, 403, 429] },
    schema: {
      operationId: 'auth.mfa',
      tags,
      summary: 'The second step of a sign-in: the mfaToken and a code (or a recovery code) for the token pair, as POST /auth/login gives it',
      headers: TokenTransportHeaders,
      body: Type.Object({ mfaToken: MfaToken, code: Code }, { additionalProperties: false }),
      response: { 200: Type.Intersect([TokenPair, Type.Object({ recoveryCodes: Type.Optional(RecoveryCodes) })]) },
    },
    preHandler: admitToken,
  }, async (req, reply) => {
    const done = await twoStep.completeSignIn(req.ctx, req.ip, req.body.mfaToken, req.body.code);
    const pair = await identity.startSession(req.ctx, done.userId, ['pwd', 'otp']);
    return deliverTokens(req, reply, { ...pair, ...(done.recoveryCodes ? { recoveryCodes: done.recoveryCodes } : {}) }, refreshTtl);
  });

  app.post('/auth/step-up', {
    config: { access: { module, authenticated: true }, idempotency: 'status-only', problems: [429] },
    schema: { operationId: 'auth.stepUp', tags, summary: 'Give a second factor now (a code or a recovery code): a new access token allowing, for 15 minutes, the actions that need one', body: CodeBody, response: { 200: AccessToken } },
    preHandler: admitCode,
  }, async (req) => {
    await twoStep.stepUp(req.ctx, req.ip, req.body.code);
    const principal = req.ctx.principal!;
    const access = await identity.accessToken(req.ctx, principal.userId, principal.sessionId);
    return { accessToken: access.token, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  });
}
