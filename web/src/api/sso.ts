import type { CourtyardClient } from '@courtyard/sdk';

/**
 * Single sign-on's routes, typed here by hand: the SDK (generated from the OpenAPI document,
 * `npm run sdk:generate`) gains them when it is next generated, and then this narrow view of
 * the client can go.
 */
export interface SsoProvider {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSet: true;
  scopes: string[];
  roleClaim: string | null;
  roleMapping: Record<string, string>;
  defaultRoles: string[];
  emailDomains: string[];
  required: boolean;
  jitProvisioning: boolean;
}
export type SsoProviderBody = Omit<SsoProvider, 'id' | 'clientSecretSet'> & { clientSecret?: string };
export interface SsoDiscovery {
  providers: { id: string; name: string; required: boolean }[];
  required: boolean;
  providerId: string | null;
}

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;
interface SsoCalls {
  GET(path: '/api/v1/auth/sso/providers'): Answer<{ data: { id: string; name: string }[] }>;
  GET(path: '/api/v1/sso/providers'): Answer<{ data: SsoProvider[]; redirectUri: string }>;
  POST(path: '/api/v1/auth/sso/discover', init: { body: { email: string } }): Answer<SsoDiscovery>;
  POST(path: '/api/v1/sso/providers', init: { body: SsoProviderBody }): Answer<SsoProvider>;
  PATCH(path: '/api/v1/sso/providers/{id}', init: { params: { path: { id: string } }; body: Partial<SsoProviderBody> }): Answer<SsoProvider>;
  DELETE(path: '/api/v1/sso/providers/{id}', init: { params: { path: { id: string } } }): Answer<never>;
}

export const ssoCalls = (api: CourtyardClient): SsoCalls => api as unknown as SsoCalls;

/** Where a provider's sign-in starts: a full-page navigation (the browser goes to the provider). */
export const ssoStartHref = (basepath: string, providerId: string): string => `${basepath.replace(/\/$/, '')}/api/v1/auth/sso/${providerId}/start`;
