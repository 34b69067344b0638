import type { CourtyardClient } from '@courtyard/sdk';
import type * as WebAuthnBrowser from '@simplewebauthn/browser';

/**
 * The passkey routes (docs/passkeys.md) and the browser's WebAuthn ceremonies around them.
 * @simplewebauthn/browser is loaded only when a passkey is used, so the sign-in page's first
 * chunk stays small. The routes are called through the client's untyped surface until the SDK
 * is generated with them.
 */

type Answer<T = unknown> = { data?: T; error?: unknown; response: Response };
type Untyped = {
  GET: (path: string, init?: object) => Promise<Answer>;
  POST: (path: string, init?: object) => Promise<Answer>;
  DELETE: (path: string, init?: object) => Promise<Answer>;
};
const untyped = (api: CourtyardClient) => api as unknown as Untyped;

export interface Passkey {
  id: string;
  name: string;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

export type Tokens = { accessToken: string; expiresIn: number };

/** Whether this browser can make and use passkeys at all. */
export const passkeysSupported = (): boolean => typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/** The browser refused or the user cancelled: answered as a problem-like code the pages show. */
export const CANCELLED = 'passkey_cancelled';

async function browserCeremony<T>(run: (lib: typeof WebAuthnBrowser) => Promise<T>): Promise<T | null> {
  try {
    return await run(await import('@simplewebauthn/browser'));
  } catch {
    return null;
  }
}

/** Runs options → browser → answer; answers the final call, or null when the browser did not give an answer (cancelled, no passkey). */
async function authenticate<T>(api: CourtyardClient, optionsPath: string, answerPath: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T> | Answer | null> {
  const options = await untyped(api).POST(optionsPath, Object.keys(body).length > 0 ? { body } : {});
  if (!options.data) return options;
  const response = await browserCeremony((lib) => lib.startAuthentication({ optionsJSON: options.data as Parameters<typeof lib.startAuthentication>[0]['optionsJSON'] }));
  if (!response) return null;
  return (await untyped(api).POST(answerPath, { headers, body: { ...body, response } })) as Answer<T>;
}

export const passkeyCalls = (api: CourtyardClient) => ({
  list: async () => (await untyped(api).GET('/api/v1/me/passkeys')) as Answer<{ data: Passkey[] }>,
  remove: (id: string) => untyped(api).DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } } }),
  /** Registers a passkey of this browser; null when the browser gave none (cancelled). */
  async register(name: string): Promise<Answer<Passkey> | Answer | null> {
    const options = await untyped(api).POST('/api/v1/me/passkeys/registration-options');
    if (!options.data) return options;
    const response = await browserCeremony((lib) => lib.startRegistration({ optionsJSON: options.data as Parameters<typeof lib.startRegistration>[0]['optionsJSON'] }));
    if (!response) return null;
    return untyped(api).POST('/api/v1/me/passkeys', { body: { ...(name.trim() ? { name: name.trim() } : {}), response } });
  },
  signIn: (headers: Record<string, string>) => authenticate<Tokens>(api, '/api/v1/auth/passkey/options', '/api/v1/auth/passkey', {}, headers),
  secondStep: (mfaToken: string, headers: Record<string, string>) => authenticate<Tokens>(api, '/api/v1/auth/mfa/passkey/options', '/api/v1/auth/mfa/passkey', { mfaToken }, headers),
  stepUp: () => authenticate<Tokens>(api, '/api/v1/auth/step-up/passkey/options', '/api/v1/auth/step-up/passkey', {}),
});
