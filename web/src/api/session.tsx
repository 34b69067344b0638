import { createCourtyardClient, type CourtyardClient } from '@courtyard/sdk';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CANCELLED, passkeyCalls, type Tokens as PasskeyTokens } from './passkeys.js';
import type { Plane } from './plane.js';
import { asProblem } from './problem.js';
import { rememberSignedIn } from './session-hint.js';

/**
 * The session of a page. The access token lives in this module's memory only (never in web
 * storage); the refresh token lives in an HttpOnly cookie that scripts cannot read, scoped to
 * the auth routes of this tenant (or of the console), so a reload signs in again silently and
 * another tenant's workspace finds no session. See docs/web.md.
 */
let accessToken: string | undefined;

/**
 * The member the session's access token names (its `mid` claim), read without checking the
 * signature: a hint to start a member's reads early, never a grant (the server checks the token
 * on every request, and /me stays the authority).
 */
export function tokenMemberId(): string | undefined {
  try {
    const claims = JSON.parse(atob(accessToken!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { mid?: unknown };
    return typeof claims.mid === 'string' ? claims.mid : undefined;
  } catch {
    return undefined;
  }
}
let onUnauthenticated: () => void = () => undefined;

const COOKIE = { 'x-token-transport': 'cookie' } as const;

/** The API client of this page, with the access token and the tenant path of the plane. */
export function createApi(plane: Plane): CourtyardClient {
  const prefix = plane.kind !== 'console' && plane.slug ? `/t/${plane.slug}` : '';
  const client = createCourtyardClient({ baseUrl: `${location.origin}${prefix}`, accessToken: () => accessToken });
  // A token that stopped working (session revoked, user disabled) ends the session on the page.
  client.use({
    // The language of the page, so the server's problem details (and the mail it sends for an
    // anonymous request, a password reset) are in it; a signed-in user's saved one wins there.
    onRequest({ request }) {
      if (document.documentElement.lang) request.headers.set('Accept-Language', document.documentElement.lang);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url).pathname.includes('/auth/')) onUnauthenticated();
      return response;
    },
  });
  return client;
}

type Tokens = { accessToken: string; expiresIn: number };
/** A sign-in whose password was right but that needs a second step (docs/security.md, two-step sign-in). */
type SecondStep = { mfaRequired: true; mfaToken: string; methods?: string[] };
type Answer = { data?: Tokens; error?: unknown; response: Response };
type LoginAnswer = { data?: Tokens | SecondStep; error?: unknown; response: Response };
/** A step-up's answer: a new access token, or (a replayed retry of the workspace's) no token. */
type StepUpAnswer = { data?: Tokens | { replayed: true }; error?: unknown; response: Response };
type SecondStepAnswer = { data?: Tokens & { recoveryCodes?: string[] }; error?: unknown; response: Response };
interface AuthCalls {
  login: (email: string, password: string) => Promise<LoginAnswer>;
  refresh: () => Promise<Answer>;
  logout: () => Promise<unknown>;
  /** The second step of a sign-in, and the enrolment a sign-in may ask for first. */
  mfa: (mfaToken: string, code: string) => Promise<SecondStepAnswer>;
  mfaEnrol: (mfaToken: string) => Promise<{ data?: { secret: string; otpauthUri: string } }>;
  stepUp: (code: string) => Promise<StepUpAnswer>;
  /** Whether the plane has passkeys (the workspace; operators have authenticator apps only). */
  passkeys: boolean;
}

/**
 * A refresh token works once: two refreshes sent at once with the same cookie are a replay, and
 * the server ends the session. So refreshes never overlap, in this page (a shared promise) nor
 * across the tabs of this origin (a Web Lock, where the browser offers one: secure contexts).
 */
let inflight: Promise<Answer> | null = null;
function serialized(refresh: () => Promise<Answer>): () => Promise<Answer> {
  return () => {
    if (!inflight) {
      const run = navigator.locks ? (navigator.locks.request('courtyard-refresh', refresh) as Promise<unknown> as Promise<Answer>) : refresh();
      inflight = run.finally(() => {
        inflight = null;
      });
    }
    return inflight;
  };
}

function authCalls(api: CourtyardClient, plane: Plane): AuthCalls {
  if (plane.kind === 'console') {
    return {
      login: (email, password) => api.POST('/control/v1/auth/login', { headers: COOKIE, body: { email, password } }),
      refresh: serialized(() => api.POST('/control/v1/auth/refresh', { headers: COOKIE, body: {} })),
      logout: () => api.POST('/control/v1/auth/logout', { headers: COOKIE, body: {} }),
      mfa: (mfaToken, code) => api.POST('/control/v1/auth/mfa', { headers: COOKIE, body: { mfaToken, code } }),
      mfaEnrol: (mfaToken) => api.POST('/control/v1/auth/mfa/enrol', { body: { mfaToken } }),
      stepUp: (code) => api.POST('/control/v1/auth/step-up', { body: { code } }),
      passkeys: false,
    };
  }
  return {
    login: (email, password) => api.POST('/api/v1/auth/login', { headers: COOKIE, body: { email, password } }),
    refresh: serialized(() => api.POST('/api/v1/auth/refresh', { headers: COOKIE, body: {} })),
    logout: () => api.POST('/api/v1/auth/logout', { headers: COOKIE, body: {} }),
    mfa: (mfaToken, code) => api.POST('/api/v1/auth/mfa', { headers: COOKIE, body: { mfaToken, code } }),
    mfaEnrol: (mfaToken) => api.POST('/api/v1/auth/mfa/enrol', { body: { mfaToken } }),
    stepUp: (code) => api.POST('/api/v1/auth/step-up', { body: { code } }),
    passkeys: true,
  };
}

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn';
/** What a sign-in's second step answers: a refusal's code, or the recovery codes of an enrolment made at sign-in (then `finish` signs in). */
export type SecondStepResult = { code: string | null; recoveryCodes?: string[]; finish?: () => void };
interface AuthState {
  status: AuthStatus;
  /** Whether this plane offers passkeys (the workspace does; the console does not). */
  passkeys: boolean;
  /**
   * Resolves to null when signed in, or to the refusal's problem code: `mfa_code` when the
   * user takes a second step (`secondStep`), `mfa_enrolment_required` when they must first
   * enrol (`enrolAtSignIn`, then `secondStep`).
   */
  signIn: (email: string, password: string) => Promise<string | null>;
  enrolAtSignIn: () => Promise<{ secret: string; otpauthUri: string } | null>;
  secondStep: (code: string) => Promise<SecondStepResult>;
  /** The second-step methods the sign-in offered (`totp`, `recovery_code`, `passkey`). */
  secondStepMethods: () => string[];
  /** Signs in with a passkey, no password (workspace only): null when signed in, else the refusal's code (`passkey_cancelled` when the browser gave none). */
  signInWithPasskey: () => Promise<string | null>;
  /** The second step with a passkey: null when signed in, else the refusal's code. */
  secondStepWithPasskey: () => Promise<string | null>;
  /** A step-up with a passkey: null when the session's token allows the action, else the refusal's code. */
  stepUpWithPasskey: () => Promise<string | null>;
  /** Gives a second factor now (an action answered `mfa_required`): null when the session's token allows the action, else the refusal's code. */
  stepUp: (code: string) => Promise<string | null>;
  signOut: () => Promise<void>;
}
const AuthContext = createContext<AuthState | null>(null);
const ApiContext = createContext<CourtyardClient | null>(null);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside SessionProvider');
  return auth;
}
export function useApi(): CourtyardClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside SessionProvider');
  return api;
}

export function SessionProvider({ plane, api, onSignedOut, children }: { plane: Plane; api: CourtyardClient; onSignedOut: () => void; children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const calls = useMemo(() => authCalls(api, plane), [api, plane]);
  const timer = useRef<number | undefined>(undefined);
  const mfaToken = useRef<string | null>(null);
  const mfaMethods = useRef<string[]>([]);

  const end = useCallback(() => {
    window.clearTimeout(timer.current);
    accessToken = undefined;
    rememberSignedIn(plane, false);
    setStatus('signedOut');
    onSignedOut();
  }, [plane, onSignedOut]);

  // Renewal, a minute before the access token expires, through the cookie.
  const renew = useRef<() => void>(() => undefined);
  const accept = useCallback((tokens: Tokens) => {
    accessToken = tokens.accessToken;
    rememberSignedIn(plane, true);
    setStatus('signedIn');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => renew.current(), Math.max(10, tokens.expiresIn - 60) * 1000);
  }, [plane]);

  useEffect(() => {
    onUnauthenticated = end;
    renew.current = () => void calls.refresh().then((r) => (r.data ? accept(r.data) : end()), end);
    // A reload (or a new tab) resumes the session if this tenant's cookie holds one.
    renew.current();
    return () => window.clearTimeout(timer.current);
  }, [calls, accept, end]);

  /** Accepts the tokens of a passkey ceremony's answer: null, or the refusal's code. */
  const tokensOf = useCallback((r: { data?: unknown; error?: unknown; response: Response } | null): string | null => {
    if (!r) return CANCELLED;
    const tokens = r.data as PasskeyTokens | undefined;
    if (r.response.ok && tokens && 'accessToken' in tokens) {
      accept(tokens);
      return null;
    }
    return r.response.ok ? CANCELLED : asProblem(r.error, r.response).code;
  }, [accept]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      passkeys: calls.passkeys,
      async signIn(email, password) {
        mfaToken.current = null;
        const r = await calls.login(email, password);
        if (r.data && 'mfaRequired' in r.data) {
          mfaToken.current = r.data.mfaToken;
          mfaMethods.current = r.data.methods ?? [];
          return 'mfa_code';
        }
        if (r.data) {
          accept(r.data);
          return null;
        }
        const problem = asProblem(r.error, r.response);
        if (problem.code === 'mfa_enrolment_required') mfaToken.current = String((problem as { mfaToken?: unknown }).mfaToken ?? '');
        return problem.code;
      },
      async enrolAtSignIn() {
        if (!mfaToken.current) return null;
        const r = await calls.mfaEnrol(mfaToken.current);
        return r.data ?? null;
      },
      async secondStep(code) {
        if (!mfaToken.current) return { code: 'core.invalid_mfa_token' };
        const r = await calls.mfa(mfaToken.current, code);
        if (!r.data) return { code: asProblem(r.error, r.response).code };
        mfaToken.current = null;
        const tokens = r.data;
        if (tokens.recoveryCodes) return { code: null, recoveryCodes: tokens.recoveryCodes, finish: () => accept(tokens) };
        accept(tokens);
        return { code: null };
      },
      secondStepMethods: () => mfaMethods.current,
      async signInWithPasskey() {
        mfaToken.current = null;
        return tokensOf(await passkeyCalls(api).signIn(COOKIE));
      },
      async secondStepWithPasskey() {
        if (!mfaToken.current) return 'core.invalid_mfa_token';
        const refused = tokensOf(await passkeyCalls(api).secondStep(mfaToken.current, COOKIE));
        if (!refused) mfaToken.current = null;
        return refused;
      },
      async stepUpWithPasskey() {
        return tokensOf(await passkeyCalls(api).stepUp());
      },
      async stepUp(code) {
        const r = await calls.stepUp(code);
        if (!r.data) return asProblem(r.error, r.response).code;
        // A replayed retry answers no token: the code was spent, so ask for a new one.
        if (!('accessToken' in r.data)) return 'core.invalid_code';
        accept(r.data);
        return null;
      },
      async signOut() {
        await calls.logout().catch(() => undefined);
        end();
      },
    }),
    [status, calls, accept, end, api, tokensOf],
  );
  return (
    <ApiContext.Provider value={api}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </ApiContext.Provider>
  );
}
