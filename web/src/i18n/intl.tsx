import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { IntlProvider, useIntl, type PrimitiveType } from 'react-intl';
import { en } from './catalogue.js';

/** Every string a page shows has an id in the catalogue; English is the reference. */
export type MessageId = keyof typeof en;
type Catalogue = Record<MessageId, string>;

/**
 * The languages shipped, each named in itself. A language other than English is a catalogue
 * with the same ids, loaded when chosen (it becomes a chunk of its own). The server accepts
 * the same list for a user's `locale` (src/kernel/i18n).
 */
export const LOCALES: Record<string, { name: string; load: () => Promise<Catalogue> }> = {
  en: { name: 'English', load: async () => en },
  es: { name: 'Español', load: () => import('./catalogue.es.js').then((m) => m.es) },
};
const STORAGE_KEY = 'courtyard.locale';

/** The shipped language a BCP 47 tag asks for (`es-MX` is `es`), or undefined. */
export function shippedLocale(tag: string | null | undefined): string | undefined {
  const language = tag?.toLowerCase().split('-')[0];
  return language && language in LOCALES ? language : undefined;
}

/** The language this browser asked for: one chosen here before, else the browser's own, if shipped. */
export function browserLocale(): string | undefined {
  return shippedLocale(localStorage.getItem(STORAGE_KEY)) ?? shippedLocale(navigator.language);
}

/** The language chosen in this browser before (the sign-in page's or the top bar's choice), if any. */
export function chosenLocale(): string | undefined {
  return shippedLocale(localStorage.getItem(STORAGE_KEY));
}

function initialLocale(): string {
  return browserLocale() ?? 'en';
}

interface LocaleState {
  locale: string;
  /** `remember` false: for this page only (a tenant's default before sign-in), not as the browser's choice. */
  setLocale: (locale: string, remember?: boolean) => void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });
export const useLocale = () => useContext(LocaleContext);

/** react-intl for messages, numbers and dates; react-aria for widgets' own strings and calendars. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ locale: string; messages: Catalogue }>(() => ({ locale: 'en', messages: en }));
  const latest = useRef('en');
  const setLocale = useCallback((tag: string, remember = true) => {
    const locale = shippedLocale(tag);
    const entry = locale ? LOCALES[locale] : undefined;
    if (!locale || !entry) return;
    // Catalogues load at their own pace: only the language asked for last is applied.
    latest.current = locale;
    void entry.load().then((messages) => {
      if (latest.current !== locale) return;
      if (remember) localStorage.setItem(STORAGE_KEY, locale);
      document.documentElement.lang = locale;
      setState({ locale, messages });
    });
  }, []);
  useEffect(() => {
    const first = initialLocale();
    if (first !== 'en') setLocale(first);
  }, [setLocale]);
  const value = useMemo(() => ({ locale: state.locale, setLocale }), [state.locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={state.locale} defaultLocale="en" messages={state.messages}>
        <AriaI18nProvider locale={state.locale}>{children}</AriaI18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** `t('members.new')`: a message of the catalogue, typed by its id. */
export function useT(): (id: MessageId, values?: Record<string, PrimitiveType>) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
