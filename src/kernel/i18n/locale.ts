/**
 * The languages the server speaks (mail, statement PDFs, problem details); the web app ships
 * the same (web/src/i18n/intl.tsx LOCALES). English is the reference and the fallback.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** The shipped language a BCP 47 tag asks for (`es-MX` is `es`), or undefined. */
export function shippedLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split('-')[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : undefined;
}

/** The shipped languages of an Accept-Language header, best first (by q, then by order); q=0 refuses. */
function acceptedLocales(header: string | null | undefined): Locale[] {
  if (!header) return [];
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { locale: shippedLocale(tag), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r): r is { locale: Locale; q: number; order: number } => r.locale !== undefined && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.map((r) => r.locale);
}

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The one place the language of what the server writes for someone is chosen: the user's own
 * choice, else what their browser or client asks for, else their tenant's default locale, else
 * English.
 */
export function localeOf(from: { userLocale?: string | null; acceptLanguage?: string | null; tenantLocale?: string | null }): Locale {
  return shippedLocale(from.userLocale) ?? acceptedLocales(from.acceptLanguage)[0] ?? shippedLocale(from.tenantLocale) ?? DEFAULT_LOCALE;
}
