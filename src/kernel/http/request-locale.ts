import type { FastifyRequest } from 'fastify';
import { localeOf, type Locale } from '../i18n/locale.js';

// The signed-in user's saved locale, once the request's principal is known (the data plane's
// pipeline tells it); a request without one follows its Accept-Language.
const userLocales = new WeakMap<FastifyRequest, string | null>();
// The default locale of the request's tenant, once resolved.
const tenantLocales = new WeakMap<FastifyRequest, string>();

export function setTenantLocale(request: FastifyRequest, locale: string): void {
  tenantLocales.set(request, locale);
}

export function setUserLocale(request: FastifyRequest, locale: string | null | undefined): void {
  userLocales.set(request, locale ?? null);
}

/** The language the server answers this request in: see localeOf. */
export function requestLocale(request: FastifyRequest): Locale {
  const accept = request.headers['accept-language'];
  return localeOf({ userLocale: userLocales.get(request), acceptLanguage: Array.isArray(accept) ? accept.join(',') : accept, tenantLocale: tenantLocales.get(request) });
}
