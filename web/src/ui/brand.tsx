import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { operations } from '@courtyard/sdk';
import type { Plane } from '../api/plane.js';
import { browserLocale, useLocale } from '../i18n/intl.js';

/** What `GET /api/v1/portal/branding` gives the pages before sign-in (public: nothing private). */
export type SignedOutBrand = operations['portal.branding']['responses'][200]['content']['application/json'];

const BrandContext = createContext<SignedOutBrand | null>(null);
export const useSignedOutBrand = () => useContext(BrandContext);

/**
 * The tenant's branding on the member's signed-out pages (the portal's sign-in, forgot and reset
 * password, accepting an invitation): its name and logo above the page's heading, its colour,
 * and its default language when the browser asks for none we ship. Read with a plain
 * fetch (there is no session yet to call through). A failure leaves the pages plain.
 */
export function TenantBrand({ plane, children }: { plane: Plane; children: ReactNode }) {
  const { setLocale } = useLocale();
  const [brand, setBrand] = useState<SignedOutBrand | null>(null);
  useEffect(() => {
    if (plane.kind === 'console') return;
    let live = true;
    fetch(`${plane.slug ? `/t/${plane.slug}` : ''}/api/v1/portal/branding`, { headers: { accept: 'application/json' } })
      .then(async (answer) => (answer.ok ? ((await answer.json()) as SignedOutBrand) : null))
      .then((found) => {
        if (!live || !found) return;
        setBrand(found);
        // Through the CSSOM: the pages' CSP allows no inline style sheet.
        if (found.primaryColor) document.documentElement.style.setProperty('--color-brand', found.primaryColor);
        document.title = found.displayName;
        // As the server chooses (src/kernel/i18n): the browser's language when we ship it, else the tenant's.
        if (!browserLocale()) setLocale(found.defaultLocale, false);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [plane, setLocale]);
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}

/** The tenant's logo and name at the top of a signed-out page, when the page is branded. */
export function BrandHeader() {
  const brand = useSignedOutBrand();
  if (!brand) return null;
  return (
    <div className="flex items-center gap-2" data-testid="brand">
      {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="h-10 w-10 rounded object-contain" /> : null}
      <p className="text-base font-semibold text-slate-900">{brand.displayName}</p>
    </div>
  );
}
