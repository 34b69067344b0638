import { canonicalTimeZone } from './dates.js';
import { AppError } from './errors.js';
import { LOCALES } from './i18n/locale.js';

/**
 * A tenant's regional settings: its time zone (the calendar its dates follow) and its default
 * locale (the language of its users who chose none). The registry keeps them with the branding.
 */
export interface Regional {
  timeZone: string;
  defaultLocale: string;
}

/**
 * A regional change as given (the console's or the tenant's settings route), checked: a zone
 * must be one this runtime knows and comes back in its canonical spelling. Schemas check the
 * locale's list already; the zone's list is Intl's, so only code can check it.
 */
export function checkRegional<T extends Partial<Regional>>(change: T, fieldPrefix = ''): T {
  const out = { ...change };
  if (change.timeZone !== undefined) {
    const zone = canonicalTimeZone(change.timeZone);
    if (!zone) throw new AppError('validation_failed', `"${change.timeZone}" is not a time zone (give an IANA name such as Europe/Lisbon)`, { errors: [{ field: `${fieldPrefix}timeZone`, message: 'is not an IANA time zone' }] });
    out.timeZone = zone;
  }
  if (change.defaultLocale !== undefined && !(LOCALES as readonly string[]).includes(change.defaultLocale)) {
    throw new AppError('validation_failed', `"${change.defaultLocale}" is not a supported locale`, { errors: [{ field: `${fieldPrefix}defaultLocale`, message: `must be one of ${LOCALES.join(', ')}` }] });
  }
  return out;
}
