import type { operations } from '@courtyard/sdk';

/** A tenant's identity provider, as the SSO settings list it (never its secret). */
export type SsoProvider = operations['sso.providers.get']['responses'][200]['content']['application/json'];
/** What the settings form sends: a change may leave the secret out (the provider keeps its own). */
export type SsoProviderBody = Omit<operations['sso.providers.create']['requestBody']['content']['application/json'], 'clientSecret'> & { clientSecret?: string };
export type SsoDiscovery = operations['auth.sso.discover']['responses'][200]['content']['application/json'];

/** Where a provider's sign-in starts: a full-page navigation (the browser goes to the provider). */
export const ssoStartHref = (basepath: string, providerId: string): string => `${basepath.replace(/\/$/, '')}/api/v1/auth/sso/${providerId}/start`;
