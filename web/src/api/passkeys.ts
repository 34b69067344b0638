import type { CourtyardClient, operations } from '@courtyard/sdk';
import type * as WebAuthnBrowser from '@simplewebauthn/browser';

/**
 * The passkey routes (docs/passkeys.md) and the browser's WebAuthn ceremonies around them.
 * @simplewebauthn/browser is loaded only when a passkey is used, so the sign-in page's first
 * chunk stays small.
 */

/** One of the user's passkeys, as the account page lists it. */
export type Passkey = operations['me.passkeys.list']['responses'][200]['content']['application/json']['data'][number];
export type Tokens = operations['auth.passkey']['responses'][200]['content']['application/json'];

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

/** The browser's answer as the API's body takes it: its extension results as a plain record (the same JSON). */
const plain = <R extends { clientExtensionResults: object }>(r: R) => ({ ...r, clientExtensionResults: { ...r.clientExtensionResults } as Record<string, unknown> });

/** Runs options → browser → answer; answers the final call (or the refused options call), or null when the browser did not give an answer (cancelled, no passkey). */
async function authenticate<O extends { data?: object }, A>(options: Promise<O>, answer: (response: ReturnType<typeof plain<WebAuthnBrowser.AuthenticationResponseJSON>>) => Promise<A>): Promise<O | A | null> {
  const o = await options;
  if (!o.data) return o;
  const optionsJSON = o.data as WebAuthnBrowser.PublicKeyCredentialRequestOptionsJSON;
  const response = await browserCeremony(async (lib) => plain(await lib.startAuthentication({ optionsJSON })));
  return response ? answer(response) : null;
}

export const passkeyCalls = (api: CourtyardClient) => ({
  list: () => api.GET('/api/v1/me/passkeys'),
  remove: (id: string) => api.DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } } }),
  /** Registers a passkey of this browser; null when the browser gave none (cancelled). */
  async register(name: string) {
    const options = await api.POST('/api/v1/me/passkeys/registration-options');
    if (!options.data) return options;
    const optionsJSON = options.data as unknown as WebAuthnBrowser.PublicKeyCredentialCreationOptionsJSON;
    const response = await browserCeremony(async (lib) => plain(await lib.startRegistration({ optionsJSON })));
    if (!response) return null;
    return api.POST('/api/v1/me/passkeys', { body: { ...(name.trim() ? { name: name.trim() } : {}), response } });
  },
  signIn: (headers: Record<string, string>) =>
    authenticate(api.POST('/api/v1/auth/passkey/options'), (response) => api.POST('/api/v1/auth/passkey', { headers, body: { response } })),
  secondStep: (mfaToken: string, headers: Record<string, string>) =>
    authenticate(api.POST('/api/v1/auth/mfa/passkey/options', { body: { mfaToken } }), (response) => api.POST('/api/v1/auth/mfa/passkey', { headers, body: { mfaToken, response } })),
  stepUp: () => authenticate(api.POST('/api/v1/auth/step-up/passkey/options'), (response) => api.POST('/api/v1/auth/step-up/passkey', { body: { response } })),
});
