import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { deliverTokens } from '../../kernel/http/refresh-cookie.js';
import { TokenPair, TokenTransportHeaders } from '../../kernel/http/schemas.js';
import { AccessToken, Code, CodeBody, Enrolment, MfaToken, RecoveryCodes, twoStepStatus } from '../../kernel/http/two-step.schemas.js';
import type { PlatformAuthService } from './platform-auth.service.js';

const tags = ['control'];
const Status = twoStepStatus('The platform requires two-step sign-in for every operator (COURTYARD_OPERATOR_TWO_STEP=required): it cannot be turned off');

export const OperatorMfaChallenge = Type.Object({
  mfaRequired: Type.Literal(true),
  mfaToken: Type.String({ description: 'Send it with a code to POST /control/v1/auth/mfa within 5 minutes' }),
  methods: Type.Array(Type.Union([Type.Literal('totp'), Type.Literal('recovery_code')])),
}, { description: 'The password was right and the operator has two-step sign-in: no session yet' });

const signedIn = (req: FastifyRequest): { userId: string; sessionId: string } => {
  if (!req.platformUserId || !req.platformSessionId) throw new AppError('permission_denied', 'Sign in as the operator to do that');
  return { userId: req.platformUserId, sessionId: req.platformSessionId };
};

/** Operators' two-step sign-in: enrolment under `/me/mfa`, the sign-in's second step, and step-up. */
export function operatorTwoStepRoutes(app: HttpApp, auth: PlatformAuthService, admin: RouteAccess, open: RouteAccess, refreshTtl: number): void {
  const twoStep = auth.twoStep;

  app.get('/me/mfa', {
    config: { access: admin },
    schema: { operationId: 'control.me.mfa.status', tags, summary: "The signed-in operator's two-step sign-in: enrolled or not, recovery codes left", response: { 200: Status } },
  }, (req) => twoStep.status(signedIn(req).userId));

  app.post('/me/mfa/totp', {
    config: { access: admin },
    schema: { operationId: 'control.me.mfa.totp.enrol', tags, summary: 'Start enrolling an authenticator app: a new secret, pending until a code confirms it', response: { 200: Enrolment } },
  }, (req) => twoStep.enrol(signedIn(req).userId));

  app.post('/me/mfa/totp/confirm', {
    config: { access: admin, problems: [422, 429] },
    schema: { operationId: 'control.me.mfa.totp.confirm', tags, summary: 'Confirm the authenticator app with a code from it: two-step sign-in is on; answers the recovery codes, shown once', body: CodeBody, response: { 200: Type.Object({ recoveryCodes: RecoveryCodes }) } },
  }, async (req) => ({ recoveryCodes: await twoStep.confirm(req.ip, signedIn(req).userId, req.body.code) }));

  app.delete('/me/mfa/totp', {
    config: { access: admin, problems: [422, 429] },
    schema: { operationId: 'control.me.mfa.totp.disable', tags, summary: 'Turn two-step sign-in off with a current code or a recovery code (refused when the platform requires it)', body: CodeBody, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await twoStep.disable(req.ip, signedIn(req).userId, req.body.code);
    return reply.code(204).send(null);
  });

  app.post('/auth/mfa/enrol', {
    config: { access: open, problems: [401, 429] },
    schema: { operationId: 'control.auth.mfa.enrol', tags, summary: 'Enrol an authenticator app with the mfaToken of a sign-in refused with mfa_enrolment_required; then POST /control/v1/auth/mfa with a code', body: Type.Object({ mfaToken: MfaToken }, { additionalProperties: false }), response: { 200: Enrolment } },
  }, (req) => twoStep.enrolWithToken(req.body.mfaToken));

  app.post('/auth/mfa', {
    config: { access: open, problems: [401, 403, 422, 429] },
    schema: {
      operationId: 'control.auth.mfa',
      tags,
      summary: "The second step of an operator's sign-in: the mfaToken and a code (or a recovery code) for the token pair",
      headers: TokenTransportHeaders,
      body: Type.Object({ mfaToken: MfaToken, code: Code }, { additionalProperties: false }),
      response: { 200: Type.Intersect([TokenPair, Type.Object({ recoveryCodes: Type.Optional(RecoveryCodes) })]) },
    },
  }, async (req, reply) => deliverTokens(req, reply, await auth.secondStep(req.ip, req.body.mfaToken, req.body.code), refreshTtl));

  app.post('/auth/step-up', {
    config: { access: admin, problems: [422, 429] },
    schema: { operationId: 'control.auth.stepUp', tags, summary: "Give a second factor now (a code or a recovery code): a new access token allowing, for 15 minutes, the console's dangerous actions", body: CodeBody, response: { 200: AccessToken } },
  }, (req) => {
    const session = signedIn(req);
    return auth.stepUp(req.ip, session.userId, session.sessionId, req.body.code);
  });
}
