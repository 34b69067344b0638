import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { IntlProvider, useIntl, type PrimitiveType } from 'react-intl';
import type { en } from './catalogue.js';
import common from './en.json';

/** Every string a page shows has an id in the catalogue; English is the reference. */
export type MessageId = keyof typeof en;
type Messages = Partial<Record<MessageId, string>>;

/**
 * The parts of a catalogue that come later than the shell's own messages: the portal's, and the
 * staff's (console and workspace). main.tsx loads the one its application needs beside its
 * chunk, so the first chunk carries only the sign-in page's messages and the portal never
 * downloads the staff's.
 */
export type Pack = 'portal' | 'staff';
const PARTS: Record<string, Record<'common' | Pack, () => Promise<Messages>>> = {
  en: {
    common: async () => common,
    portal: () => import('./portal.en.js').then((m) => m.portalEn),
    staff: () => import('./staff.en.js').then((m) => m.staffEn),
  },
  es: {
    common: () => import('./es.json').then((m) => m.default),
    portal: () => import('./portal.es.js').then((m) => m.portalEs),
    staff: () => import('./staff.es.js').then((m) => m.staffEs),
  },
};

/** The languages shipped, each named in itself. The server accepts the same list for a user's `locale` (src/kernel/i18n). */
export const LOCALES: Record<string, { name: string }> = { en: { name: 'English' }, es: { name: 'Español' } };
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

// One store for the page: the language and the packs shown, and their messages merged.
interface Catalogue {
  locale: string;
  packs: readonly Pack[];
  messages: Messages;
}
let current: Catalogue = { locale: 'en', packs: [], messages: common };
const listeners = new Set<() => void>();
/** What was asked for last, applied or not, so that a pack and a language asked for together both stay. */
let wanted: Omit<Catalogue, 'messages'> = { locale: 'en', packs: [] };
let asked = 0;
let pending: Promise<void> = Promise.resolve();

/** Loads the parts and applies them; settles once this ask, or a later one, is applied (parts load at their own pace: only the last ask wins). */
function ask(locale: string, packs: readonly Pack[], chosen = false): Promise<void> {
  wanted = { locale, packs };
  const ticket = ++asked;
  const parts = PARTS[locale]!;
  const loaded = Promise.all((['common', ...packs] as const).map((part) => parts[part]())).then((messages) => {
    if (ticket !== asked) return;
    if (chosen) localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    current = { locale, packs, messages: Object.assign({}, ...messages) as Messages };
    for (const listener of listeners) listener();
  });
  pending = loaded;
  return loaded.then(() => (ticket === asked ? undefined : pending));
}

/** Adds a pack's messages, in the page's language; settles once they are shown. */
export function loadMessages(pack: Pack): Promise<void> {
  return wanted.packs.includes(pack) ? pending : ask(wanted.locale, [...wanted.packs, pack]);
}

function setLocale(tag: string, remember = true) {
  const locale = shippedLocale(tag);
  if (!locale) return;
  if (locale !== wanted.locale) void ask(locale, wanted.packs, remember);
  else if (remember) localStorage.setItem(STORAGE_KEY, locale);
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

interface LocaleState {
  locale: string;
  /** `remember` false: for this page only (a tenant's default before sign-in), not as the browser's choice. */
  setLocale: (locale: string, remember?: boolean) => void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });
export const useLocale = () => useContext(LocaleContext);

/** react-intl for messages, numbers and dates; react-aria for widgets' own strings and calendars. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribe, () => current);
  const [first] = useState(browserLocale);
  // A browser that asked for another language sees nothing until its messages are here, never
  // a flash of English (a page opened straight, such as forgot-password, showed one). A chunk
  // that fails to load (offline) falls back to English rather than to a blank page.
  const [ready, setReady] = useState(!first || first === 'en');
  useEffect(() => {
    if (first && first !== 'en') void ask(first, wanted.packs, true).catch(() => undefined).finally(() => setReady(true));
  }, [first]);
  const value = useMemo(() => ({ locale: state.locale, setLocale }), [state.locale]);
  if (!ready) return null;
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
