import { createContext, useContext, useEffect, useMemo, useState, type ComponentType, type MouseEvent, type ReactNode } from 'react';

/**
 * The portal's router: a handful of pages, links, a `?year=` and one path parameter. TanStack
 * Router, which the workspace and the console use, is about 24 KB of gzip: a fifth of the
 * portal's budget for its first load (docs/portal.md, "Performance"). This is the part of it
 * the portal needs: pages are paths under the portal's base (`/statements/$id`), links push onto
 * the browser's history, and back and forward work.
 */
export interface PortalPage {
  path: string;
  component: ComponentType;
}
type Search = Record<string, string | number>;

interface RouterState {
  basepath: string;
  /** The path under the base, `/` for the home page, without a trailing slash otherwise. */
  path: string;
  search: URLSearchParams;
  params: Record<string, string>;
  page: ComponentType | null;
  navigate: (to: string, options?: { params?: Record<string, string>; search?: Search }) => void;
}
const RouterContext = createContext<RouterState | null>(null);
function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('a portal page outside PortalRouter');
  return router;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith('$') && got[i]) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return null;
  }
  return params;
}

/** The address of a page: the home page keeps its trailing slash, the service worker's scope (ui/pwa.tsx). */
function hrefOf(basepath: string, to: string, params: Record<string, string> = {}, search: Search = {}): string {
  const path = to.replace(/\$(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = new URLSearchParams(Object.entries(search).map(([k, v]) => [k, String(v)])).toString();
  return `${basepath.replace(/\/$/, '')}${path}${query ? `?${query}` : ''}`;
}

function pathUnder(basepath: string): string {
  const base = basepath.replace(/\/$/, '');
  const rest = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname;
  return rest.replace(/\/+$/, '') || '/';
}

export function PortalRouter({ basepath, pages, children }: { basepath: string; pages: PortalPage[]; children: ReactNode }) {
  const [at, setAt] = useState(() => ({ path: pathUnder(basepath), search: location.search }));
  useEffect(() => {
    const moved = () => setAt({ path: pathUnder(basepath), search: location.search });
    addEventListener('popstate', moved);
    return () => removeEventListener('popstate', moved);
  }, [basepath]);
  const state = useMemo<RouterState>(() => {
    let found: { page: ComponentType; params: Record<string, string> } | null = null;
    for (const page of pages) {
      const params = matchPath(page.path, at.path);
      if (params) found = { page: page.component, params };
    }
    return {
      basepath,
      path: at.path,
      search: new URLSearchParams(at.search),
      params: found?.params ?? {},
      page: found?.page ?? null,
      navigate(to, options) {
        history.pushState(null, '', hrefOf(basepath, to, options?.params, options?.search));
        setAt({ path: pathUnder(basepath), search: location.search });
        scrollTo(0, 0);
      },
    };
  }, [basepath, pages, at]);
  return <RouterContext.Provider value={state}>{children}</RouterContext.Provider>;
}

/** The page at the address, or `notFound`. */
export function Outlet({ notFound: NotFound }: { notFound: ComponentType }) {
  const Page = useRouter().page ?? NotFound;
  return <Page />;
}

export const useParams = () => useRouter().params;
export const useSearchParams = () => useRouter().search;
export const useNavigate = () => useRouter().navigate;

interface LinkProps {
  to: string;
  params?: Record<string, string>;
  search?: Search;
  className?: string;
  /** Added, with `aria-current="page"`, while the link's page (or, unless `exact`, a page under it) is shown. */
  activeClassName?: string;
  exact?: boolean;
  children: ReactNode;
}

/** A link to a portal page: a plain link for a new tab or window, a move in this page otherwise. */
export function Link({ to, params, search, className, activeClassName, exact, children }: LinkProps) {
  const router = useRouter();
  const active = activeClassName !== undefined && (router.path === to || (!exact && router.path.startsWith(`${to.replace(/\/$/, '')}/`)));
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.navigate(to, { params, search });
  };
  return (
    <a href={hrefOf(router.basepath, to, params, search)} onClick={follow} className={active ? `${className ?? ''} ${activeClassName}` : className} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}
